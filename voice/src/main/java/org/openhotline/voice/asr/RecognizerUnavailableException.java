package org.openhotline.voice.asr;

/** The recogniser cannot start: model missing or unreadable, native library not loadable; the message says which. */
public class RecognizerUnavailableException extends RuntimeException {
    public RecognizerUnavailableException(String message) {
        super(message);
    }

    public RecognizerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
