package org.openhotline.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.voice.VoiceSettings;
import org.openhotline.voice.asr.DecoderReuse;

class VoiceConfigTest {

    @Test
    void noModelByDefaultIsAWarningThatSaysWhereToGetOne() {
        VoiceSettings settings = VoiceConfig.check(HotlineConfig.defaultsOnly());
        assertFalse(settings.asrConfigured());
        assertEquals("espeak-ng", settings.espeakCommand());
        assertEquals("zh", settings.asrLanguage());
        assertEquals(HotlineApp.dataDir(HotlineConfig.defaultsOnly()).resolve("prompts"), settings.promptsDir(), "recordings under the data folder");
        assertTrue(settings.warnings().stream().anyMatch(w -> w.contains("vosk-model-small-cn-0.22") && w.contains("alphacephei.com/vosk/models")), settings.warnings().toString());
    }

    @Test
    void aConfiguredModelThatIsNotThereStopsTheStart(@TempDir Path dir) {
        HotlineConfig config = HotlineConfig.load(null, Map.of("HOTLINE_VOICE_ASR_MODEL_PATH", dir.resolve("vosk-model-small-cn-0.22").toString()));
        ConfigException e = assertThrows(ConfigException.class, () -> VoiceConfig.check(config));
        assertTrue(e.getMessage().startsWith("voice.asr.model-path:") && e.getMessage().contains("does not exist")
                && e.getMessage().contains("https://alphacephei.com/vosk/models"), e.getMessage());
    }

    @Test
    void anUnknownLanguageIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> VoiceConfig.settings(HotlineConfig.defaultsOnly().with("voice.asr.language", "fr")));
        assertTrue(e.getMessage().contains("voice.asr.language"), e.getMessage());
    }

    @Test
    void aMissingEspeakIsSaid() {
        HotlineConfig config = HotlineConfig.defaultsOnly().with("voice.tts.espeak-command", "/nonexistent/espeak-ng");
        assertTrue(VoiceConfig.check(config).warnings().stream().anyMatch(w -> w.contains("apt-get install espeak-ng")));
    }

    @Test
    void decoderReuseComesFromItsTwoKeysAndANegativeCountIsRefused() {
        assertEquals(new DecoderReuse(100, 4), VoiceConfig.settings(HotlineConfig.defaultsOnly()).asrDecoderReuse());
        assertEquals(new DecoderReuse(0, 4), VoiceConfig.settings(HotlineConfig.defaultsOnly().with("voice.asr.decoder-sessions", "0")).asrDecoderReuse());
        ConfigException e = assertThrows(ConfigException.class, () -> VoiceConfig.settings(HotlineConfig.defaultsOnly().with("voice.asr.idle-decoders", "-1")));
        assertTrue(e.getMessage().contains("voice.asr.idle-decoders"), e.getMessage());
    }
}
