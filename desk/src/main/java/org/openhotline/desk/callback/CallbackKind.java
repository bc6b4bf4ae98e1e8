package org.openhotline.desk.callback;

/**
 * Why a citizen is waiting for a call back. The first two are calls nobody took (only a number); the others carry
 * something the citizen left (a voice message, a request with a number, a message), which a merge never drops.
 */
public enum CallbackKind {
    MISSED_CALL,
    ABANDONED,
    VOICEMAIL,
    CALLBACK_REQUEST,
    MESSAGE;

    /** A voice message, a request or a message: more specific than a bare missed call, so it names a merged task. */
    public boolean carriesContent() {
        return this != MISSED_CALL && this != ABANDONED;
    }
}
