package org.openhotline.voice.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;

class FreeTtsSynthesizerTest {

    @Test
    void speaksEnglishHeadlessAndRoutesByLanguage() {
        FreeTtsSynthesizer freetts = new FreeTtsSynthesizer();
        PcmAudio audio = freetts.synthesize("Press one for social insurance.", SpeechSynthesizer.ENGLISH, 8000);
        assertEquals(8000, audio.sampleRate());
        assertTrue(audio.durationMillis() > 1000 && audio.durationMillis() < 5000, audio.durationMillis() + " ms");
        assertTrue(Signals.rmsDbfs(audio, 0, audio.length()) > -40, "audible");
        assertFalse(freetts.supports(SpeechSynthesizer.MANDARIN));

        LanguageRouter router = new LanguageRouter(java.util.List.of(freetts, new EspeakSynthesizer()));
        PcmAudio again = router.synthesize("Press one for social insurance.", SpeechSynthesizer.ENGLISH, 8000);
        assertEquals(audio, again, "English goes to FreeTTS, which is deterministic");
        assertTrue(router.synthesize("你好", SpeechSynthesizer.MANDARIN, 8000).length() > 0, "Mandarin to espeak-ng");
    }
}
