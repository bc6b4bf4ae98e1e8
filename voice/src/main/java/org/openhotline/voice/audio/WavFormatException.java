package org.openhotline.voice.audio;

import java.io.IOException;

/** A WAV file this code cannot read, with the reason (bad header, unsupported encoding …). */
public class WavFormatException extends IOException {
    public WavFormatException(String message) {
        super(message);
    }
}
