package org.openhotline.voice.asr;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Idle free-speech Vosk decoders of one model, handed to the next session instead of being freed, so the decoding
 * graph each has composed so far is used again (see {@link DecoderReuse}). A decoder comes back only when it is
 * between utterances with a fresh feature pipeline (the previous caller's audio and speaker adaptation are never
 * carried over); otherwise, or past its session count, it is freed. Grammar sessions never come here: their graph
 * is their own. Thread-safe.
 */
final class DecoderPool {
    private final Model model;
    private final int rate;
    private final DecoderReuse reuse;
    private final Deque<Decoder> idle = new ArrayDeque<>();
    private boolean closed;

    /**
     * A Vosk recogniser with the number of sessions it has served and the samples fed to it so far: Vosk times words
     * from the recogniser's first sample, so a session subtracts what earlier sessions fed.
     */
    static final class Decoder {
        final Recognizer recognizer;
        int sessions;
        long samplesFed;

        Decoder(Recognizer recognizer) {
            this.recognizer = recognizer;
        }
    }

    DecoderPool(Model model, int rate, DecoderReuse reuse) {
        this.model = model;
        this.rate = rate;
        this.reuse = reuse;
    }

    /** An idle decoder, or a new one; {@code grammar} non-null always makes a new one. */
    Decoder take(String grammar) {
        if (grammar == null) {
            synchronized (this) {
                Decoder d = idle.pollFirst(); // the most recently used: its cache is the warmest
                if (d != null) {
                    d.sessions++;
                    return d;
                }
            }
        }
        try {
            Recognizer r = grammar == null ? new Recognizer(model, rate) : new Recognizer(model, rate, grammar);
            r.setWords(true);
            Decoder d = new Decoder(r);
            d.sessions = grammar == null ? 1 : reuse.sessionsPerDecoder(); // a grammar decoder is never kept
            return d;
        } catch (IOException | RuntimeException e) {
            throw new RecognizerUnavailableException("could not start a Vosk recogniser: " + e.getMessage(), e);
        }
    }

    /** Takes a decoder back: kept when {@code clean} and still within its session count, else freed. */
    void give(Decoder d, boolean clean) {
        if (clean && reuse.enabled() && d.sessions < reuse.sessionsPerDecoder()) {
            synchronized (this) {
                if (!closed && idle.size() < reuse.idleDecoders()) {
                    idle.addFirst(d);
                    return;
                }
            }
        }
        d.recognizer.close();
    }

    synchronized int idle() {
        return idle.size();
    }

    /** Frees the idle decoders; decoders given back later are freed at once. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        for (Decoder d; (d = poll()) != null; ) d.recognizer.close();
    }

    private synchronized Decoder poll() {
        return idle.pollFirst();
    }
}
