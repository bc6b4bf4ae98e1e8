package org.openhotline.voice.tts;

import java.util.List;
import java.util.Locale;
import org.openhotline.voice.audio.PcmAudio;

/** Hands each request to the first synthesizer that speaks its language (FreeTTS before espeak-ng for English). */
public final class LanguageRouter implements SpeechSynthesizer {
    private final List<SpeechSynthesizer> engines;

    public LanguageRouter(List<SpeechSynthesizer> engines) {
        this.engines = List.copyOf(engines);
    }

    /** espeak-ng for Mandarin, FreeTTS for English (espeak-ng's English when FreeTTS fails to load). */
    public static LanguageRouter standard(EspeakSynthesizer espeak) {
        try {
            return new LanguageRouter(List.of(new FreeTtsSynthesizer(), espeak));
        } catch (RuntimeException | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(LanguageRouter.class).warn("FreeTTS unavailable, English through espeak-ng: {}", e.toString());
            return new LanguageRouter(List.of(espeak));
        }
    }

    @Override
    public PcmAudio synthesize(String text, Locale language, int sampleRate) {
        for (SpeechSynthesizer engine : engines) if (engine.supports(language)) return engine.synthesize(text, language, sampleRate);
        throw new SpeechUnavailableException("no speech engine for " + language);
    }

    @Override
    public boolean supports(Locale language) {
        return engines.stream().anyMatch(e -> e.supports(language));
    }
}
