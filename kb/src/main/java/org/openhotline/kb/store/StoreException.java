package org.openhotline.kb.store;

/** A database failure below the knowledge store, with the operation that failed named in the message. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
