package org.openhotline.voice.vad;

/**
 * Tuning of the energy detector. {@code thresholdDb} is how far above the noise floor a frame must be to count
 * as speech; {@code onsetMillis} of such frames start speech (a click or a cough is shorter);
 * {@code hangoverMillis} of quiet end it (pauses between words are shorter).
 */
public record VadSettings(int sampleRate, double thresholdDb, int onsetMillis, int hangoverMillis, double minSpeechLevelDb) {

    public VadSettings {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive");
        if (onsetMillis < 0 || hangoverMillis < 0) throw new IllegalArgumentException("durations must not be negative");
    }

    /**
     * 9 dB over the floor for 60 ms starts speech, 500 ms of quiet ends it; below -50 dBFS is never speech,
     * so a silent line with a near-zero floor does not trigger on dither.
     */
    public static VadSettings defaults(int sampleRate) {
        return new VadSettings(sampleRate, 9, 60, 500, -50);
    }

    public VadSettings withHangoverMillis(int millis) {
        return new VadSettings(sampleRate, thresholdDb, onsetMillis, millis, minSpeechLevelDb);
    }
}
