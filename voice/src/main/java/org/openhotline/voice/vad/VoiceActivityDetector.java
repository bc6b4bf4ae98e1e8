package org.openhotline.voice.vad;

/**
 * Tells when a caller starts and stops speaking, frame by frame, so the IVR can stop a prompt the moment the
 * caller talks over it (barge-in) and know when an answer has ended. One instance per call direction; not
 * thread-safe. Frames may have any length (10–30 ms is usual) but must be at the rate the detector was made for.
 */
public interface VoiceActivityDetector {

    /** Feeds one frame; returns {@link VadEvent#SPEECH_START} or {@link VadEvent#SPEECH_END} on a change, else NONE. */
    VadEvent accept(short[] pcm, int offset, int length);

    default VadEvent accept(short[] frame) {
        return accept(frame, 0, frame.length);
    }

    /** Whether the caller is speaking as of the last frame (including the hangover after speech). */
    boolean inSpeech();

    /** Forgets speech state but keeps the learned noise floor (e.g. after a prompt ends). */
    void reset();

    /** The default detector: energy over an adaptive noise floor with hangover ({@link EnergyVad}). */
    static VoiceActivityDetector create(int sampleRate) {
        return new EnergyVad(VadSettings.defaults(sampleRate));
    }

    static VoiceActivityDetector create(VadSettings settings) {
        return new EnergyVad(settings);
    }
}
