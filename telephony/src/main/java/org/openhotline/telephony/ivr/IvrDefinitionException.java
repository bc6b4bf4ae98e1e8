package org.openhotline.telephony.ivr;

/** A mistake in an IVR file, naming the file and the field, so a bad menu stops the start instead of a call. */
public class IvrDefinitionException extends RuntimeException {
    public IvrDefinitionException(String message) {
        super(message);
    }

    public IvrDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
