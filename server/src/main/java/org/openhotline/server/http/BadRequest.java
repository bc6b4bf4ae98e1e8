package org.openhotline.server.http;

/** A request the client must fix; answered with {@code status} and the message, never logged as a server fault. */
public final class BadRequest extends RuntimeException {
    private final int status;
    private final String code;

    public BadRequest(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
