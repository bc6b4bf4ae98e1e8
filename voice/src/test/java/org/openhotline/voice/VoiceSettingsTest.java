package org.openhotline.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.prompt.Prompt;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.SpeechSynthesizer;

class VoiceSettingsTest {

    @Test
    void promptsSpeakBothLanguagesAndPreferRecordings(@TempDir Path dir) throws Exception {
        WavFiles.write(dir.resolve("welcome.wav"), Signals.sine(500, 16000, 400, -10));
        Prompts prompts = new VoiceSettings(null, "zh", "espeak-ng", 165, 8, dir).prompts();
        assertEquals(3200, prompts.audio(Prompt.recorded("welcome", "欢迎", SpeechSynthesizer.MANDARIN), 8000).length());
        PcmAudio mandarin = prompts.audio(Prompt.text("社保业务请按1", SpeechSynthesizer.MANDARIN), 8000);
        PcmAudio english = prompts.audio(Prompt.text("For English, press nine.", SpeechSynthesizer.ENGLISH), 8000);
        assertTrue(mandarin.durationMillis() > 1000 && english.durationMillis() > 1000, mandarin + " " + english);
    }

    @Test
    void aFolderThatIsNotAModelIsAnErrorAndNoneIsAWarning(@TempDir Path dir) {
        VoiceSettings wrong = new VoiceSettings(dir, "zh", "espeak-ng", 165, 8, null);
        assertTrue(wrong.asrConfigured());
        assertTrue(wrong.errors().get(0).contains("not a Vosk model"), wrong.errors().toString());
        VoiceSettings none = new VoiceSettings(null, "zh", "espeak-ng", 165, 8, null);
        assertFalse(none.asrConfigured());
        assertTrue(none.errors().isEmpty());
        assertEquals(1, none.warnings().size(), "the missing model only (espeak-ng is installed): " + none.warnings());
    }
}
