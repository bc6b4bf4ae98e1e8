package org.openhotline.voice.tts;

/** Speech could not be made: engine not installed, unsupported language, or the engine failed. */
public class SpeechUnavailableException extends RuntimeException {
    public SpeechUnavailableException(String message) {
        super(message);
    }

    public SpeechUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
