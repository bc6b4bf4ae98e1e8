package org.openhotline.voice.asr;

import java.io.IOException;
import org.openhotline.voice.audio.Resampler;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * One Vosk decoder fed through a resampler to the model's rate. The partial hypothesis is asked for at most every
 * 200 ms of audio: Vosk works it out afresh on each request, and five updates a second are plenty to show or act on.
 */
final class VoskSession implements RecognitionSession {
    private final Recognizer recognizer;
    private final Resampler resampler;
    private final Runnable onClose;
    private final int partialEvery;
    private int sinceLastPartial;
    private String lastPartial = "";
    private boolean closed;

    VoskSession(Model model, int modelRate, int sampleRate, String grammar, Runnable onClose) {
        try {
            this.recognizer = grammar == null ? new Recognizer(model, modelRate) : new Recognizer(model, modelRate, grammar);
        } catch (IOException | RuntimeException e) {
            throw new RecognizerUnavailableException("could not start a Vosk recogniser: " + e.getMessage(), e);
        }
        recognizer.setWords(true);
        this.resampler = Resampler.create(sampleRate, modelRate);
        this.partialEvery = modelRate / 5;
        this.onClose = onClose;
    }

    @Override
    public RecognitionResult accept(short[] pcm, int offset, int length) {
        ensureOpen();
        short[] audio = resampler.process(pcm, offset, length);
        if (audio.length == 0) return RecognitionResult.partial(lastPartial);
        if (recognizer.acceptWaveForm(audio, audio.length)) {
            lastPartial = "";
            sinceLastPartial = 0;
            return VoskJson.result(recognizer.getResult());
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
        if (tail.length > 0) recognizer.acceptWaveForm(tail, tail.length);
        lastPartial = "";
        sinceLastPartial = 0;
        return VoskJson.result(recognizer.getFinalResult());
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("recognition session is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        recognizer.close();
        onClose.run();
    }
}
