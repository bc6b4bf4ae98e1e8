package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.prompt.PromptRecordings;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.SpeechSynthesizer;

/** The music the bridge is given: none (synthetic) until hold-music is uploaded, the upload at 8 kHz, none again once deleted. */
class PromptAdminHoldMusicTest {
    @TempDir Path dir;

    @Test
    void theUploadedHoldMusicIsWhatTheBridgePlays() throws Exception {
        Prompts prompts = new Prompts(dir, null);
        assertNull(PromptAdmin.holdMusic(prompts, SpeechSynthesizer.MANDARIN), "no recording: the synthetic music");
        short[] tone = new short[16000 * 2];
        for (int i = 0; i < tone.length; i++) tone[i] = (short) (6000 * Math.sin(2 * Math.PI * 1300 * i / 16000.0));
        PromptRecordings recordings = new PromptRecordings(prompts);
        recordings.store("hold-music", WavFiles.toBytes(new PcmAudio(tone, 16000)));
        short[] music = PromptAdmin.holdMusic(prompts, Locale.US);
        assertNotNull(music);
        assertEquals(16000, music.length, 20, "two seconds at the call rate");
        recordings.delete("hold-music");
        assertNull(PromptAdmin.holdMusic(prompts, SpeechSynthesizer.MANDARIN));
    }
}
