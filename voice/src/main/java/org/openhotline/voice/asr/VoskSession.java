package org.openhotline.voice.asr;

import org.openhotline.voice.audio.Resampler;
import org.vosk.Recognizer;

/**
 * One Vosk decoder fed through a resampler to the model's rate. The partial hypothesis is asked for at most every
 * 200 ms of audio: Vosk works it out afresh on each request, and five updates a second are plenty to show or act on.
 * The decoder may have served earlier sessions ({@link DecoderPool}); on close it is brought back between utterances
 * with a fresh feature pipeline so that the next session starts clean, or freed when that cannot be made sure.
 */
final class VoskSession implements RecognitionSession {
    /** Where the decoder is, as Vosk sees it: only FRESH (nothing fed since a final result) can serve another caller. */
    private enum State { FRESH, RUNNING, ENDPOINT, BROKEN }

    private final DecoderPool.Decoder decoder;
    private final Recognizer recognizer;
    private final Resampler resampler;
    private final DecoderPool pool;
    private final Runnable onClose;
    private final int partialEvery;
    private final double startSeconds;
    private State state = State.FRESH;
    private int sinceLastPartial;
    private String lastPartial = "";
    private boolean closed;

    VoskSession(DecoderPool pool, String grammar, int modelRate, int sampleRate, Runnable onClose) {
        this.decoder = pool.take(grammar);
        this.recognizer = decoder.recognizer;
        this.pool = pool;
        this.resampler = Resampler.create(sampleRate, modelRate);
        this.partialEvery = modelRate / 5;
        this.startSeconds = (double) decoder.samplesFed / modelRate;
        this.onClose = onClose;
    }

    @Override
    public RecognitionResult accept(short[] pcm, int offset, int length) {
        ensureOpen();
        short[] audio = resampler.process(pcm, offset, length);
        if (audio.length == 0) return RecognitionResult.partial(lastPartial);
        if (feed(audio)) {
            lastPartial = "";
            sinceLastPartial = 0;
            return VoskJson.result(recognizer.getResult(), startSeconds);
        }
        sinceLastPartial += audio.length;
        if (sinceLastPartial >= partialEvery) {
            sinceLastPartial = 0;
            lastPartial = VoskJson.partial(recognizer.getPartialResult());
        }
        return RecognitionResult.partial(lastPartial);
    }

    @Override
    public RecognitionResult finish() {
        ensureOpen();
        short[] tail = resampler.process(new short[resampler.delayOutputSamples() * 2 + 2]);
        lastPartial = "";
        sinceLastPartial = 0;
        if (tail.length > 0 && feed(tail)) return VoskJson.result(recognizer.getResult(), startSeconds); // the tail ended the utterance
        return VoskJson.result(finalResult(), startSeconds);
    }

    /** Feeds the decoder; true when its endpointer ended the utterance. */
    private boolean feed(short[] audio) {
        State before = state;
        state = State.BROKEN; // until the native call returns
        decoder.samplesFed += audio.length;
        boolean endpoint = recognizer.acceptWaveForm(audio, audio.length);
        state = endpoint ? State.ENDPOINT : State.RUNNING;
        if (before == State.BROKEN) state = State.BROKEN;
        return endpoint;
    }

    /** Vosk's final result; only from RUNNING does it end with a fresh pipeline (else it answers empty and keeps it). */
    private String finalResult() {
        boolean running = state == State.RUNNING;
        String json = recognizer.getFinalResult();
        if (running) state = State.FRESH;
        return json;
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("recognition session is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            pool.give(decoder, makeFresh());
        } finally {
            onClose.run();
        }
    }

    /** Ends whatever the decoder holds, so that a next session shares nothing with this one; false if it could not. */
    private boolean makeFresh() {
        try {
            if (state == State.ENDPOINT && feed(new short[recognizerSilence()])) return false; // leaves ENDPOINT via RUNNING
            if (state == State.RUNNING) finalResult();
            return state == State.FRESH;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** 10 ms of silence at the model's rate: the least audio that takes an ended utterance back to running. */
    private int recognizerSilence() {
        return Math.max(1, partialEvery / 20);
    }
}
