package org.openhotline.bot.session;

/** The session store could not be reached; the conversation answers from a fresh session rather than fail the citizen. */
public final class SessionStoreException extends RuntimeException {
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
