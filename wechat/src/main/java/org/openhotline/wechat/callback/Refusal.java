package org.openhotline.wechat.callback;

/** Why a callback was refused unprocessed; the name is what the log line and the response body say (never the body). */
public enum Refusal {
    OVERSIZED(413),
    BAD_SIGNATURE(403),
    MISSING_PARAMETERS(400),
    DOCTYPE(400),
    BAD_XML(400),
    BAD_AES(400),
    AES_NOT_CONFIGURED(400);

    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
