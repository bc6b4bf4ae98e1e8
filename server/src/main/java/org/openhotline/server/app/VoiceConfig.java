package org.openhotline.server.app;

import java.nio.file.Path;
import java.util.List;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.voice.VoiceSettings;
import org.openhotline.voice.asr.DecoderReuse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code voice.*} keys as {@link VoiceSettings}, checked at start: a configured speech model that is not
 * there stops the start with where to get one; no model or no espeak-ng is said once, and the rest runs.
 */
public final class VoiceConfig {
    private static final Logger log = LoggerFactory.getLogger(VoiceConfig.class);

    private VoiceConfig() {}

    public static VoiceSettings settings(HotlineConfig config) {
        String model = config.string("voice.asr.model-path");
        String prompts = config.string("voice.prompts-dir");
        String language = config.string("voice.asr.language");
        if (!language.equals("zh") && !language.equals("en")) throw new ConfigException("voice.asr.language must be zh or en, not '" + language + "'");
        return new VoiceSettings(model.isBlank() ? null : Path.of(model), language, config.string("voice.tts.espeak-command"),
                config.integer("voice.tts.espeak-speed"), config.integer("voice.tts.cache-mb"),
                prompts.isBlank() ? HotlineApp.dataDir(config).resolve("prompts") : Path.of(prompts), decoderReuse(config));
    }

    private static DecoderReuse decoderReuse(HotlineConfig config) {
        int sessions = config.integer("voice.asr.decoder-sessions");
        int idle = config.integer("voice.asr.idle-decoders");
        if (sessions < 0 || idle < 0) throw new ConfigException("voice.asr.decoder-sessions and voice.asr.idle-decoders must not be negative");
        return new DecoderReuse(sessions, idle);
    }

    /** Throws {@link ConfigException} for errors; logs warnings. */
    public static VoiceSettings check(HotlineConfig config) {
        VoiceSettings settings = settings(config);
        List<String> errors = settings.errors();
        if (!errors.isEmpty()) throw new ConfigException(String.join("; ", errors));
        settings.warnings().forEach(log::warn);
        return settings;
    }
}
