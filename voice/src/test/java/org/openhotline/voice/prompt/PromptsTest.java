package org.openhotline.voice.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.tts.EspeakSynthesizer;
import org.openhotline.voice.tts.SpeechSynthesizer;
import org.openhotline.voice.tts.SpeechUnavailableException;

class PromptsTest {

    @Test
    void aRecordingTakesPrecedenceOverTheTextAndIsConvertedToTheCallRate(@TempDir Path dir) throws Exception {
        PcmAudio recorded = Signals.sine(440, 44100, 1000, -12);
        WavFiles.write(dir.resolve("welcome.wav"), recorded);
        PromptCacheTest.Counting tts = new PromptCacheTest.Counting(new EspeakSynthesizer());
        Prompts prompts = new Prompts(dir, new PromptCache(tts, 8));

        Prompt welcome = Prompt.recorded("welcome", "您好，欢迎致电", SpeechSynthesizer.MANDARIN);
        PcmAudio played = prompts.audio(welcome, 8000);
        assertEquals(8000, played.sampleRate());
        assertEquals(8000, played.length(), "one second at 8 kHz");
        assertEquals(-12, Signals.toneDbfs(played, 440, 1000, 7000), 0.5, "the recording, not speech");
        assertTrue(prompts.recorded(welcome));
        assertEquals(0, tts.calls.get());

        Prompt menu = Prompt.recorded("menu-1", "社保业务请按1", SpeechSynthesizer.MANDARIN);
        assertFalse(prompts.recorded(menu));
        assertTrue(prompts.audio(menu, 8000).length() > 4000, "no recording: the text is spoken");
        prompts.audio(menu, 8000);
        assertEquals(1, tts.calls.get(), "and cached");
    }

    @Test
    void aLanguageSpecificRecordingWinsOverTheGenericOne(@TempDir Path dir) throws Exception {
        WavFiles.write(dir.resolve("bye.wav"), Signals.sine(300, 8000, 500, -6));
        WavFiles.write(dir.resolve("bye.en.wav"), Signals.sine(600, 8000, 500, -6));
        Prompts prompts = new Prompts(dir, new PromptCacheTest.Fixed(10));
        PcmAudio english = prompts.audio(Prompt.recorded("bye", null, SpeechSynthesizer.ENGLISH), 8000);
        PcmAudio mandarin = prompts.audio(Prompt.recorded("bye", null, SpeechSynthesizer.MANDARIN), 8000);
        assertTrue(Signals.toneDbfs(english, 600, 0, 4000) > -7);
        assertTrue(Signals.toneDbfs(mandarin, 300, 0, 4000) > -7);
    }

    @Test
    void badPromptsFailClearly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.wav"), "not audio");
        Prompts prompts = new Prompts(dir, new PromptCacheTest.Fixed(10));
        SpeechUnavailableException e = assertThrows(SpeechUnavailableException.class,
                () -> prompts.audio(Prompt.recorded("broken", null, SpeechSynthesizer.MANDARIN), 8000));
        assertTrue(e.getMessage().contains("broken.wav") && e.getMessage().contains("not a RIFF"), e.getMessage());
        assertEquals(10, prompts.audio(Prompt.recorded("broken", "请稍候", SpeechSynthesizer.MANDARIN), 8000).length(),
                "an unreadable recording with a text falls back to speech");
        assertThrows(SpeechUnavailableException.class, () -> prompts.audio(Prompt.recorded("absent", null, SpeechSynthesizer.MANDARIN), 8000));
        assertThrows(IllegalArgumentException.class, () -> Prompt.recorded("../etc/passwd", "x", SpeechSynthesizer.MANDARIN));
        assertThrows(IllegalArgumentException.class, () -> Prompt.text(" ", SpeechSynthesizer.MANDARIN));
    }
}
