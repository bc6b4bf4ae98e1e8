package org.openhotline.bot.hours;

/** A calendar file or an hours setting that cannot be used; the message names the file and line, or the key. */
public final class HoursConfigException extends RuntimeException {
    public HoursConfigException(String message) {
        super(message);
    }

    public HoursConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
