package org.openhotline.desk;

/**
 * A request the desk refuses: {@code code} is stable for the HTTP layer's {"error": code} (not_found,
 * not_yours, bad_state, bad_input, full), the message is for people.
 */
public final class DeskException extends RuntimeException {
    private final String code;

    public DeskException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DeskException notFound(String what) {
        return new DeskException("not_found", what + " not found");
    }

    public static DeskException badState(String message) {
        return new DeskException("bad_state", message);
    }

    public static DeskException badInput(String message) {
        return new DeskException("bad_input", message);
    }

    public static DeskException notYours(String message) {
        return new DeskException("not_yours", message);
    }
}
