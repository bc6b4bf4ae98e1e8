package org.openhotline.voice.asr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Vosk (Kaldi) recogniser over one model folder, loaded once and shared by all sessions (Vosk models are
 * read-only after loading, so recognisers on many threads may use one). Audio at another rate than the model's
 * is resampled by the session. Free-speech decoders are kept between sessions as {@link DecoderReuse} says.
 */
public final class VoskRecognizer implements SpeechRecognizer {
    /** Where a user gets a Mandarin model, repeated in every "model missing" message. */
    public static final String MANDARIN_MODEL_HINT =
            "download vosk-model-small-cn-0.22 from https://alphacephei.com/vosk/models, unzip it and set voice.asr.model-path "
                    + "(HOTLINE_VOICE_ASR_MODEL_PATH) to the unzipped folder";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Model model;
    private final String language;
    private final int modelRate;
    private final DecoderPool decoders;
    private final AtomicInteger openSessions = new AtomicInteger();
    private boolean closed;

    private VoskRecognizer(Model model, String language, int modelRate, DecoderReuse reuse) {
        this.model = model;
        this.language = language;
        this.modelRate = modelRate;
        this.decoders = new DecoderPool(model, modelRate, reuse);
    }

    /**
     * Loads the model in {@code folder} (the unzipped Vosk model: am/, conf/, graph/ …).
     *
     * @throws RecognizerUnavailableException naming the folder and what to do when it is missing or unreadable
     */
    public static VoskRecognizer load(Path folder, String language) {
        return load(folder, language, DecoderReuse.defaults());
    }

    /** Loads the model in {@code folder}, keeping decoders between sessions as {@code reuse} says. */
    public static VoskRecognizer load(Path folder, String language, DecoderReuse reuse) {
        String problem = ModelFolder.problem(folder);
        if (problem != null) throw new RecognizerUnavailableException(problem + "; " + MANDARIN_MODEL_HINT);
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            return new VoskRecognizer(new Model(folder.toString()), language, ModelFolder.sampleRate(folder), reuse);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new RecognizerUnavailableException("could not load the Vosk model at " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RecognitionSession open(int sampleRate) {
        return open(sampleRate, List.of());
    }

    @Override
    public RecognitionSession open(int sampleRate, List<String> phrases) {
        String grammar = null;
        if (!phrases.isEmpty()) {
            try {
                List<String> withUnknown = new java.util.ArrayList<>(phrases);
                withUnknown.add("[unk]");
                grammar = JSON.writeValueAsString(withUnknown);
            } catch (IOException e) {
                throw new IllegalArgumentException("phrases", e);
            }
        }
        synchronized (this) {
            if (closed) throw new IllegalStateException("the speech recogniser is closed");
            openSessions.incrementAndGet();
        }
        try {
            return new VoskSession(decoders, grammar, modelRate, sampleRate, this::sessionClosed);
        } catch (RuntimeException e) {
            sessionClosed();
            throw e;
        }
    }

    @Override
    public String language() {
        return language;
    }

    /** Decoders kept for the next sessions. */
    public int idleDecoders() {
        return decoders.idle();
    }

    /** The sessions not yet closed (a leak shows here). */
    public int openSessions() {
        return openSessions.get();
    }

    /** Frees the model now, or when the last open session closes: freeing it under a live decoder would crash the JVM. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        decoders.close();
        if (openSessions.get() == 0) model.close();
    }

    private synchronized void sessionClosed() {
        if (openSessions.decrementAndGet() == 0 && closed) model.close();
    }

    /** Checks a model folder without loading it: the start-up check of the configured Mandarin model. */
    public static String checkModelFolder(Path folder) {
        String problem = ModelFolder.problem(folder);
        return problem == null ? null : problem + "; " + MANDARIN_MODEL_HINT;
    }
}
