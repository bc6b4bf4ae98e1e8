package org.openhotline.voice.tts;

import java.util.Locale;
import org.openhotline.voice.audio.PcmAudio;

/**
 * Text to speech, the one interface the IVR and the voice bot speak through whatever engine is behind it
 * (espeak-ng for Mandarin, FreeTTS for English, a cache, recorded prompts). Implementations are thread-safe;
 * a call may take hundreds of milliseconds, so callers on a media thread hand it to a virtual thread.
 */
public interface SpeechSynthesizer {

    /**
     * Speaks {@code text} in {@code language} as 16-bit mono PCM at {@code sampleRate} (8000 for G.711 calls,
     * 16000 for wide-band or ASR tests).
     *
     * @throws SpeechUnavailableException when the engine for the language is missing or failed (the message says
     *     what to install or what went wrong)
     */
    PcmAudio synthesize(String text, Locale language, int sampleRate);

    /** Whether this synthesizer speaks the language (by its language code: "zh", "en"). */
    boolean supports(Locale language);

    Locale MANDARIN = Locale.SIMPLIFIED_CHINESE;
    Locale ENGLISH = Locale.US;
}
