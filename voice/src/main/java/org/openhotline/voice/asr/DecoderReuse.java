package org.openhotline.voice.asr;

/**
 * How Vosk decoders are kept between sessions. A decoder over a model with a dynamic graph (HCLr + Gr, as the small
 * English and Mandarin models ship) composes the graph lazily and caches what it composed; a new decoder per caller
 * turn started that work from nothing each time, which was most of the recogniser's CPU. A kept decoder serves
 * {@code sessionsPerDecoder} sessions (its cache grows with use, so it is then replaced) and at most
 * {@code idleDecoders} wait unused: with the English model a kept decoder grew by about 200 MB of native memory over
 * 100 varied sentences and then levelled off, so memory, not CPU, sets these numbers.
 */
public record DecoderReuse(int sessionsPerDecoder, int idleDecoders) {
    public DecoderReuse {
        if (sessionsPerDecoder < 0 || idleDecoders < 0) throw new IllegalArgumentException("decoder reuse counts must not be negative");
    }

    /** 100 sessions per decoder, 4 idle: the defaults of {@code voice.asr.decoder-sessions} / {@code voice.asr.idle-decoders}. */
    public static DecoderReuse defaults() {
        return new DecoderReuse(100, 4);
    }

    /** Every session gets a new decoder (the behaviour before reuse). */
    public static DecoderReuse off() {
        return new DecoderReuse(0, 0);
    }

    boolean enabled() {
        return sessionsPerDecoder > 1 && idleDecoders > 0;
    }
}
