package org.openhotline.desk.account;

/** A request about accounts that cannot be done as asked; {@link #code()} is stable for programs, the message is for people. */
public final class AccountException extends RuntimeException {
    /** What kind of refusal, so an HTTP layer can pick 400 / 404 / 409. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;

    public AccountException(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    static AccountException invalid(String code, String message) {
        return new AccountException(Kind.INVALID, code, message);
    }

    static AccountException notFound(long id) {
        return new AccountException(Kind.NOT_FOUND, "no_user", "no user with id " + id);
    }
}
