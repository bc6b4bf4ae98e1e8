package org.openhotline.bot.flow.template;

/** A template or condition that cannot be parsed; the message names the position so a flow author can find it. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
