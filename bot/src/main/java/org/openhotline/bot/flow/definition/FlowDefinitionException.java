package org.openhotline.bot.flow.definition;

/** A flow file that cannot be used; the message names the file and the field, e.g. {@code a.yml: slots[1].type: …}. */
public final class FlowDefinitionException extends RuntimeException {
    public FlowDefinitionException(String message) {
        super(message);
    }

    public FlowDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
