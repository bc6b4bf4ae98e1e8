package org.openhotline.voice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.voice.asr.DecoderReuse;
import org.openhotline.voice.asr.VoskRecognizer;
import org.openhotline.voice.prompt.PromptCache;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.EspeakSynthesizer;
import org.openhotline.voice.tts.LanguageRouter;

/**
 * The {@code voice.*} settings as plain values (voice knows no configuration library), the start-up check and
 * the factories built from them, so the server and the telephony module set audio up the same way.
 *
 * @param asrModelPath the Vosk model folder (Mandarin in production); null or empty = no speech recognition (keypad only)
 * @param asrLanguage the model's language, "zh" or "en"
 * @param promptsDir recorded prompts ({@code <id>.wav}); null = none
 * @param asrDecoderReuse how recogniser decoders are kept between caller turns
 */
public record VoiceSettings(Path asrModelPath, String asrLanguage, String espeakCommand, int espeakWordsPerMinute, int promptCacheMb, Path promptsDir,
                            DecoderReuse asrDecoderReuse) {

    public VoiceSettings {
        if (asrDecoderReuse == null) asrDecoderReuse = DecoderReuse.defaults();
    }

    /** Settings with the default decoder reuse. */
    public VoiceSettings(Path asrModelPath, String asrLanguage, String espeakCommand, int espeakWordsPerMinute, int promptCacheMb, Path promptsDir) {
        this(asrModelPath, asrLanguage, espeakCommand, espeakWordsPerMinute, promptCacheMb, promptsDir, DecoderReuse.defaults());
    }

    public boolean asrConfigured() {
        return asrModelPath != null && !asrModelPath.toString().isBlank();
    }

    /** Errors that must stop the start: a configured model folder that is not a Vosk model. */
    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        if (asrConfigured()) {
            String problem = VoskRecognizer.checkModelFolder(asrModelPath);
            if (problem != null) errors.add("voice.asr.model-path: " + problem);
        }
        return errors;
    }

    /** What works less than it could (said once at start): no recogniser, no espeak-ng. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!asrConfigured()) warnings.add("voice.asr.model-path is not set, so callers can use the keypad but not speak to the voice bot; "
                + VoskRecognizer.MANDARIN_MODEL_HINT);
        String espeak = espeak().problem();
        if (espeak != null) warnings.add(espeak);
        return warnings;
    }

    public EspeakSynthesizer espeak() {
        return new EspeakSynthesizer(espeakCommand, espeakWordsPerMinute);
    }

    /** Recorded prompts over cached speech (espeak-ng Mandarin, FreeTTS English). */
    public Prompts prompts() {
        return new Prompts(promptsDir, new PromptCache(LanguageRouter.standard(espeak()), promptCacheMb));
    }

    /** Loads the Mandarin model (seconds, hundreds of MB); call only when {@link #asrConfigured()}. */
    public VoskRecognizer recognizer() {
        return VoskRecognizer.load(asrModelPath, asrLanguage, asrDecoderReuse);
    }
}
