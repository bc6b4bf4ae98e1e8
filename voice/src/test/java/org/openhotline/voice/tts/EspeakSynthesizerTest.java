package org.openhotline.voice.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;

/** The real espeak-ng program (installed by ./hotline test). */
class EspeakSynthesizerTest {
    private final EspeakSynthesizer espeak = new EspeakSynthesizer();

    @Test
    void speaksMandarinAtTelephoneRate() {
        assertNull(espeak.problem(), "espeak-ng is installed");
        PcmAudio short1 = espeak.synthesize("你好", SpeechSynthesizer.MANDARIN, 8000);
        PcmAudio long1 = espeak.synthesize("您好，欢迎致电12345政务服务便民热线，社保业务请按1。", SpeechSynthesizer.MANDARIN, 8000);
        assertEquals(8000, long1.sampleRate());
        assertTrue(short1.durationMillis() > 300 && short1.durationMillis() < 2000, "两个字: " + short1.durationMillis() + " ms");
        assertTrue(long1.durationMillis() > 4 * short1.durationMillis(), "a sentence is longer: " + long1.durationMillis() + " ms");
        assertTrue(Signals.rmsDbfs(long1, 0, long1.length()) > -40, "audible");
    }

    @Test
    void wideBandOnRequest() {
        PcmAudio audio = espeak.synthesize("查询", SpeechSynthesizer.MANDARIN, 16000);
        assertEquals(16000, audio.sampleRate());
        assertTrue(audio.length() > 16000 / 4);
    }

    @Test
    void aMissingProgramSaysHowToInstallIt() {
        EspeakSynthesizer missing = new EspeakSynthesizer("/nonexistent/espeak-ng", 160);
        assertTrue(missing.problem().contains("apt-get install espeak-ng"), missing.problem());
        SpeechUnavailableException e = assertThrows(SpeechUnavailableException.class, () -> missing.synthesize("你好", SpeechSynthesizer.MANDARIN, 8000));
        assertTrue(e.getMessage().contains("not installed") && e.getMessage().contains("apt-get install espeak-ng"), e.getMessage());
    }

    @Test
    void otherLanguagesAreRefusedClearly() {
        assertThrows(SpeechUnavailableException.class, () -> espeak.synthesize("bonjour", java.util.Locale.FRENCH, 8000));
    }
}
