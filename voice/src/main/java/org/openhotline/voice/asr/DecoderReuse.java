package org.openhotline.voice.asr;

/**
 * How Vosk decoders are kept between sessions. A decoder over a model with a dynamic graph (HCLr + Gr, as the small
 * English and Mandarin models ship) composes the graph lazily and caches what it composed; a new decoder per caller
 * turn started that work from nothing each time, which was most of the recogniser's CPU. A kept decoder serves
 * {@code sessionsPerDecoder} sessions (its cache grows with use, so it is then replaced) and at most
 * {@code idleDecoders} wait unused (each holds tens of MB of native memory).
 */
public record DecoderReuse(int sessionsPerDecoder, int idleDecoders) {
    public DecoderReuse {
        if (sessionsPerDecoder < 0 || idleDecoders < 0) throw new IllegalArgumentException("decoder reuse counts must not be negative");
    }

    /** 200 sessions per decoder, 8 idle: the defaults of {@code voice.asr.decoder-sessions} / {@code voice.asr.idle-decoders}. */
    public static DecoderReuse defaults() {
        return new DecoderReuse(200, 8);
    }

    /** Every session gets a new decoder (the behaviour before reuse). */
    public static DecoderReuse off() {
        return new DecoderReuse(0, 0);
    }

    boolean enabled() {
        return sessionsPerDecoder > 1 && idleDecoders > 0;
    }
}
