package org.openhotline.voice.vad;

/** What a frame changed: nothing, speech began (barge-in), or speech ended (after the hangover). */
public enum VadEvent {
    NONE,
    SPEECH_START,
    SPEECH_END
}
