package org.openhotline.voice.asr;

import java.util.List;

/**
 * Streaming speech recognition: one {@link RecognitionSession} per caller utterance stream. The model is loaded
 * once and shared; sessions are cheap and independent, so many calls recognise at once. Thread-safe;
 * {@link #close()} frees the model (native memory) after every session is closed.
 */
public interface SpeechRecognizer extends AutoCloseable {

    /** A session for audio at {@code sampleRate} (8000 from a G.711 call; the model resamples internally). */
    RecognitionSession open(int sampleRate);

    /**
     * A session restricted to {@code phrases} (e.g. "one", "two", "operator" in an IVR menu), which is far more
     * accurate than free speech when the answers are known. Models without a dynamic graph ignore the list.
     */
    RecognitionSession open(int sampleRate, List<String> phrases);

    /** The model's language, e.g. "en" or "zh", so callers can pick prompts and synthesizer to match. */
    String language();

    @Override
    void close();
}
