package org.openhotline.wechat.callback;

/** A callback that must not be processed; thrown by the checks, turned into one log line and a status by the handler. */
public final class RefusedCallback extends Exception {
    private final Refusal refusal;

    public RefusedCallback(Refusal refusal) {
        super(refusal.wireName(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
