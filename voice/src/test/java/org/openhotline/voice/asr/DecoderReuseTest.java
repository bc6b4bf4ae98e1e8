package org.openhotline.voice.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;
import org.openhotline.voice.tts.FreeTtsSynthesizer;
import org.openhotline.voice.tts.SpeechSynthesizer;

/** Decoders kept between sessions (real English model): the next caller hears nothing of the last one. */
class DecoderReuseTest {
    private static final FreeTtsSynthesizer TTS = new FreeTtsSynthesizer();
    private static final PcmAudio CARD = TTS.synthesize("i lost my medical insurance card", SpeechSynthesizer.ENGLISH, 8000);
    private static final PcmAudio AGENT = TTS.synthesize("please transfer me to an agent", SpeechSynthesizer.ENGLISH, 8000);

    @Test
    void aSessionCutOffMidSentenceLeavesNothingForTheNext() {
        try (VoskRecognizer fresh = VoskRecognizer.load(EnglishModel.folder(), "en", DecoderReuse.off());
             VoskRecognizer kept = VoskRecognizer.load(EnglishModel.folder(), "en", new DecoderReuse(10, 2))) {
            String expected = recognise(fresh, CARD);
            assertEquals(0, fresh.idleDecoders());
            try (RecognitionSession hungUp = kept.open(8000)) {
                feed(hungUp, AGENT, AGENT.length() / 2); // the caller hangs up mid-sentence: no finish()
            }
            assertEquals(1, kept.idleDecoders(), "the decoder waits for the next caller");
            assertEquals(expected, recognise(kept, CARD));
            assertEquals(1, kept.idleDecoders());
        }
    }

    @Test
    void wordTimesCountFromTheSessionsStartOnAKeptDecoder() {
        try (VoskRecognizer kept = VoskRecognizer.load(EnglishModel.folder(), "en", new DecoderReuse(10, 2))) {
            for (int round = 0; round < 2; round++) { // the second session runs on the first one's decoder, 2.6 s of audio later
                try (RecognitionSession session = kept.open(8000)) {
                    feed(session, CARD, CARD.length());
                    List<RecognitionResult.Word> words = session.finish().words();
                    assertTrue(!words.isEmpty() && words.get(0).startSeconds() >= 0 && words.get(0).startSeconds() < 0.5, "round " + round + ": " + words);
                    assertTrue(words.get(words.size() - 1).endSeconds() <= CARD.length() / 8000.0 + 0.1, "round " + round + ": " + words);
                }
            }
            assertEquals(1, kept.idleDecoders());
        }
    }

    @Test
    void aSessionClosedRightAfterAnUtteranceEndedIsReusedClean() {
        try (VoskRecognizer kept = VoskRecognizer.load(EnglishModel.folder(), "en", new DecoderReuse(10, 2))) {
            PcmAudio spoken = Signals.concat(AGENT, PcmAudio.silence(8000, 1500));
            boolean ended = false;
            try (RecognitionSession first = kept.open(8000)) {
                for (int i = 0; i + 160 <= spoken.length() && !ended; i += 160) ended = first.accept(spoken.samples(), i, 160).complete();
            }
            assertTrue(ended, "the pause ended the utterance before the session closed");
            String heard = recognise(kept, CARD);
            assertTrue(heard.contains("card") && !heard.contains("agent"), heard);
        }
    }

    @Test
    void aDecoderIsReplacedAfterItsSessionsAndGrammarDecodersAreNeverKept() {
        try (VoskRecognizer kept = VoskRecognizer.load(EnglishModel.folder(), "en", new DecoderReuse(2, 1))) {
            recognise(kept, CARD);
            assertEquals(1, kept.idleDecoders());
            recognise(kept, CARD); // its second and last session
            assertEquals(0, kept.idleDecoders());
            try (RecognitionSession menu = kept.open(8000, List.of("one", "two"))) {
                menu.finish();
            }
            assertEquals(0, kept.idleDecoders());
        }
        assertThrows(IllegalArgumentException.class, () -> new DecoderReuse(-1, 0));
    }

    @Test
    void closingTheRecogniserFreesIdleDecodersAndOnesGivenBackLater() {
        VoskRecognizer kept = VoskRecognizer.load(EnglishModel.folder(), "en", new DecoderReuse(10, 2));
        recognise(kept, CARD);
        RecognitionSession open = kept.open(8000);
        kept.close();
        assertEquals(0, kept.idleDecoders());
        feed(open, CARD, CARD.length());
        open.close();
        assertEquals(0, kept.idleDecoders());
        assertEquals(0, kept.openSessions());
    }

    private static String recognise(VoskRecognizer recognizer, PcmAudio speech) {
        try (RecognitionSession session = recognizer.open(8000)) {
            String text = feed(session, speech, speech.length());
            return (text + " " + session.finish().text()).strip();
        }
    }

    private static String feed(RecognitionSession session, PcmAudio speech, int samples) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 160 <= samples; i += 160) {
            RecognitionResult r = session.accept(speech.samples(), i, 160);
            if (r.complete()) text.append(' ').append(r.text());
        }
        return text.toString().strip();
    }
}
