package org.openhotline.voice.prompt;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.audio.WavFormatException;
import org.openhotline.voice.tts.SpeechSynthesizer;

/** Recordings the admin page stores: the next playback hears an upload or a delete at once, ids never name a path. */
class PromptRecordingsTest {
    @TempDir Path dir;

    /** "Speaks" a 300 Hz tone of 0.5 s for any text: tells TTS from a recording. */
    private static final SpeechSynthesizer TONE_TTS = new SpeechSynthesizer() {
        public PcmAudio synthesize(String text, Locale language, int rate) { return Signals.sine(300, rate, 500, -6); }
        public boolean supports(Locale language) { return true; }
    };

    @Test
    void anUploadIsHeardOnTheNextPlaybackAndADeleteGoesBackToTheText() throws Exception {
        Prompts prompts = new Prompts(dir, TONE_TTS);
        PromptRecordings recordings = new PromptRecordings(prompts);
        Prompt welcome = Prompt.recorded("welcome", "您好", SpeechSynthesizer.MANDARIN);
        assertEquals(4000, prompts.audio(welcome, 8000).length(), "no recording yet: the text");

        recordings.store("welcome", WavFiles.toBytes(Signals.sine(440, 16000, 1000, -12)));
        PcmAudio first = prompts.audio(welcome, 8000);
        assertEquals(8000, first.length());
        assertEquals(-12, Signals.toneDbfs(first, 440, 1000, 7000), 0.5);

        recordings.store("welcome", WavFiles.toBytes(Signals.sine(1000, 44100, 2000, -10)));
        PcmAudio second = prompts.audio(welcome, 8000);
        assertEquals(16000, second.length(), 10, "the replacement, not the kept first recording");
        assertEquals(-10, Signals.toneDbfs(second, 1000, 1000, 7000), 0.5);

        PcmAudio onDisk = WavFiles.read(dir.resolve("welcome.wav"));
        assertEquals(8000, onDisk.sampleRate(), "stored at the call rate");
        assertEquals(List.of("welcome.wav"), files(), "no temporary file left");
        assertTrue(recordings.find("welcome").isPresent());

        assertTrue(recordings.delete("welcome"));
        assertEquals(4000, prompts.audio(welcome, 8000).length(), "deleted: the text again");
        assertFalse(recordings.delete("welcome"), "nothing left to delete");
        assertTrue(recordings.find("welcome").isEmpty());
    }

    @Test
    void aLanguageSuffixedUploadIsHeardInThatLanguage() throws Exception {
        Prompts prompts = new Prompts(dir, TONE_TTS);
        PromptRecordings recordings = new PromptRecordings(prompts);
        Prompt en = Prompt.recorded("welcome", "Hello", SpeechSynthesizer.ENGLISH);
        prompts.audio(en, 8000);
        recordings.store("welcome.en", WavFiles.toBytes(Signals.sine(440, 8000, 1000, -12)));
        assertEquals(8000, prompts.audio(en, 8000).length());
        assertEquals(4000, prompts.audio(Prompt.recorded("welcome", "您好", SpeechSynthesizer.MANDARIN), 8000).length(), "Mandarin still speaks its text");
    }

    @Test
    void aBadUploadLeavesTheOldRecording() throws Exception {
        PromptRecordings recordings = new PromptRecordings(new Prompts(dir, TONE_TTS));
        recordings.store("hold-music", WavFiles.toBytes(Signals.sine(440, 8000, 1000, -12)));
        assertThrows(WavFormatException.class, () -> recordings.store("hold-music", "not audio".getBytes()));
        assertEquals(8000, WavFiles.read(dir.resolve("hold-music.wav")).length());
        assertEquals(List.of("hold-music.wav"), files());
    }

    @Test
    void aFileReplacedByHandIsHeardOnTheNextPlayback() throws Exception {
        Prompts prompts = new Prompts(dir, TONE_TTS);
        Prompt welcome = Prompt.recorded("welcome", "您好", SpeechSynthesizer.MANDARIN);
        Path file = dir.resolve("welcome.wav");
        WavFiles.write(file, Signals.sine(440, 8000, 1000, -12));
        assertEquals(8000, prompts.audio(welcome, 8000).length());
        WavFiles.write(file, Signals.sine(440, 8000, 3000, -12));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertEquals(24000, prompts.audio(welcome, 8000).length(), "the new version, not the one kept");
    }

    @Test
    void idsAreNamesNeverPaths() {
        for (String ok : List.of("welcome", "hold-music", "menu_1", "welcome.zh", "welcome.en")) assertEquals(ok, PromptRecordings.checkId(ok));
        for (String bad : List.of("", "../etc/passwd", "a/b", "a\\b", ".wav", "welcome.fr", "welcome.zh.en", "a b", "x".repeat(65), "欢迎")) {
            var e = assertThrows(IllegalArgumentException.class, () -> PromptRecordings.checkId(bad), bad);
            assertTrue(e.getMessage().contains("letters, digits"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PromptRecordings.checkId(null));
    }

    private List<String> files() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
