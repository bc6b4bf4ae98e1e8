package org.openhotline.voice.asr;

/**
 * One stream of caller audio being recognised. Feed 16-bit mono PCM frames in order; each call answers with what
 * is heard so far: a partial hypothesis, or a final result when the recogniser's endpointer decided the utterance
 * ended (a pause). After a final result the session goes on with the next utterance. Not thread-safe: one feeder.
 */
public interface RecognitionSession extends AutoCloseable {

    /** Feeds samples at the session's rate; never null. */
    RecognitionResult accept(short[] pcm, int offset, int length);

    default RecognitionResult accept(short[] pcm) {
        return accept(pcm, 0, pcm.length);
    }

    /** Ends the utterance now (e.g. the VAD heard the caller stop, or the line hung up) and returns its final result. */
    RecognitionResult finish();

    /** Frees the native decoder; further calls fail. */
    @Override
    void close();
}
