package org.openhotline.kb.workflow;

/** A workflow request that breaks a rule; {@link Reason} tells the HTTP layer which status it is. */
public class WorkflowException extends RuntimeException {
    public enum Reason { FORBIDDEN, NOT_FOUND, CONFLICT, INVALID }

    private final Reason reason;
    private final String code;

    public WorkflowException(Reason reason, String code, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    /** A stable machine-readable code, e.g. {@code own_change}. */
    public String code() {
        return code;
    }
}
