package org.openhotline.bot.log;

/** The message log could not be written or read. A turn whose messages cannot be logged is not acknowledged. */
public final class MessageLogException extends RuntimeException {
    public MessageLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
