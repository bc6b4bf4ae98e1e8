package org.openhotline.bot.script;

/** A conversation script that cannot be read; the message names the file, conversation and key. */
public final class ScriptException extends RuntimeException {
    public ScriptException(String message) {
        super(message);
    }
}
