package org.openhotline.voice.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;
import org.openhotline.voice.tts.EspeakSynthesizer;
import org.openhotline.voice.tts.FreeTtsSynthesizer;
import org.openhotline.voice.tts.SpeechSynthesizer;

/** Synthesised English speech (FreeTTS and espeak-ng) through the real Vosk English model, as a call delivers it (8 kHz, 20 ms frames). */
class VoskRecognizerTest {
    static final List<String> SENTENCES = List.of(
            "i want to check my social insurance payment",
            "please transfer me to an agent",
            "what time does the office open tomorrow",
            "my phone number is five five five one two three four");

    @Test
    void recognisesSynthesisedSentencesWithinAWordErrorBound() {
        // FreeTTS is the English voice of the product; espeak-ng's English is only a fallback, and harder to recognise
        assertTrue(wordErrorRate(new FreeTtsSynthesizer()) <= 0.20);
        assertTrue(wordErrorRate(new EspeakSynthesizer()) <= 0.60);
    }

    private static double wordErrorRate(SpeechSynthesizer tts) {
        int errors = 0, words = 0;
        StringBuilder report = new StringBuilder();
        for (String sentence : SENTENCES) {
            String heard = recognise(tts.synthesize(sentence, SpeechSynthesizer.ENGLISH, 8000), 160);
            errors += WordErrorRate.errors(WordErrorRate.words(sentence), WordErrorRate.words(heard));
            words += WordErrorRate.words(sentence).size();
            report.append(sentence).append(" → ").append(heard).append('\n');
        }
        double wer = (double) errors / words;
        System.out.println(tts.getClass().getSimpleName() + " WER " + wer + "\n" + report);
        return wer;
    }

    @Test
    void partialsComeBeforeTheFinalResultAndAPauseEndsTheUtterance() {
        PcmAudio speech = new FreeTtsSynthesizer().synthesize("please transfer me to an agent", SpeechSynthesizer.ENGLISH, 8000);
        PcmAudio twice = Signals.concat(speech, PcmAudio.silence(8000, 1500), speech, PcmAudio.silence(8000, 1500));
        try (RecognitionSession session = EnglishModel.recognizer().open(8000)) {
            List<RecognitionResult> finals = new ArrayList<>();
            boolean partialSeen = false;
            for (int i = 0; i + 160 <= twice.length(); i += 160) {
                RecognitionResult r = session.accept(twice.samples(), i, 160);
                if (r.complete()) finals.add(r);
                else partialSeen |= !r.isEmpty();
            }
            assertTrue(partialSeen, "partial hypotheses while speaking");
            finals.removeIf(RecognitionResult::isEmpty);
            assertEquals(2, finals.size(), "the pause between the two sentences ends the first: " + finals);
            for (RecognitionResult r : finals) {
                assertTrue(r.text().contains("agent"), r.text());
                assertTrue(r.confidence() > 0.5 && r.confidence() <= 1, "confidence " + r.confidence());
                assertFalse(r.words().isEmpty());
                assertTrue(r.words().get(0).startSeconds() < r.words().get(r.words().size() - 1).endSeconds());
            }
        }
    }

    @Test
    void aGrammarNarrowsTheAnswersToAMenu() {
        PcmAudio speech = new FreeTtsSynthesizer().synthesize("two", SpeechSynthesizer.ENGLISH, 8000);
        try (RecognitionSession session = EnglishModel.recognizer().open(8000, List.of("one", "two", "three", "agent"))) {
            session.accept(Signals.concat(PcmAudio.silence(8000, 300), speech, PcmAudio.silence(8000, 300)).samples());
            assertEquals("two", session.finish().text());
        }
    }

    @Test
    void silenceGivesAnEmptyResultAndClosedSessionsAreCounted() {
        VoskRecognizer recognizer = EnglishModel.recognizer();
        int before = recognizer.openSessions();
        RecognitionSession session = recognizer.open(8000);
        assertEquals(before + 1, recognizer.openSessions());
        session.accept(PcmAudio.silence(8000, 1000).samples());
        assertTrue(session.finish().isEmpty());
        session.close();
        session.close();
        assertEquals(before, recognizer.openSessions());
        assertThrows(IllegalStateException.class, () -> session.accept(new short[160]));
    }

    @Test
    void closingTheRecogniserWaitsForItsLastSession() {
        try (VoskRecognizer own = VoskRecognizer.load(EnglishModel.folder(), "en")) {
            RecognitionSession session = own.open(8000);
            own.close();
            assertThrows(IllegalStateException.class, () -> own.open(8000), "no new sessions once closed");
            session.accept(new FreeTtsSynthesizer().synthesize("one", SpeechSynthesizer.ENGLISH, 8000).samples());
            session.finish(); // the model is still there for the open session
            session.close();
            assertEquals(0, own.openSessions());
        }
    }

    @Test
    void aMissingModelSaysWhereToGetOne(@TempDir Path dir) {
        RecognizerUnavailableException e = assertThrows(RecognizerUnavailableException.class, () -> VoskRecognizer.load(dir.resolve("vosk-model-small-cn-0.22"), "zh"));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("alphacephei.com/vosk/models")
                && e.getMessage().contains("voice.asr.model-path"), e.getMessage());
        assertTrue(VoskRecognizer.checkModelFolder(dir).contains("not a Vosk model"));
        assertNotNull(VoskRecognizer.checkModelFolder(null));
        assertEquals(null, VoskRecognizer.checkModelFolder(EnglishModel.folder()));
    }

    static String recognise(PcmAudio speech, int frame) {
        PcmAudio padded = Signals.concat(PcmAudio.silence(speech.sampleRate(), 300), speech, PcmAudio.silence(speech.sampleRate(), 300));
        StringBuilder text = new StringBuilder();
        try (RecognitionSession session = EnglishModel.recognizer().open(speech.sampleRate())) {
            for (int i = 0; i < padded.length(); i += frame) {
                RecognitionResult r = session.accept(padded.samples(), i, Math.min(frame, padded.length() - i));
                if (r.complete()) text.append(' ').append(r.text());
            }
            text.append(' ').append(session.finish().text());
        }
        return text.toString().strip().replaceAll("\\s+", " ");
    }
}
