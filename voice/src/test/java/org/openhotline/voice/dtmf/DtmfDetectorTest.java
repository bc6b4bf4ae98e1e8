package org.openhotline.voice.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;
import org.openhotline.voice.codec.G711;

class DtmfDetectorTest {
    private static final String ALL = "123A456B789C*0#D";

    @Test
    void detectsAllSixteenKeysOnceEach() {
        for (int rate : new int[] {8000, 16000}) {
            PcmAudio keys = DtmfTones.sequence(ALL, rate, 80, 60);
            assertEquals(ALL, detect(keys, rate, 160), "at " + rate + " Hz");
        }
    }

    @Test
    void shortTonesAndGapsAtTheStandardMinimumStillCount() {
        PcmAudio keys = DtmfTones.sequence("5555", 8000, 40, 40);
        assertEquals("5555", detect(keys, 8000, 160), "40 ms keys, 40 ms apart, are four presses");
    }

    @Test
    void aHeldKeyIsOnePress() {
        assertEquals("9", detect(DtmfTones.tone(DtmfDigit.D9, 8000, 2000, -12), 8000, 160));
    }

    @Test
    void toleratesTwistAndNoiseAndLowLevel() {
        PcmAudio normalTwist = DtmfTones.tone(DtmfDigit.D8, 8000, 100, -10, -16);
        PcmAudio reverseTwist = DtmfTones.tone(DtmfDigit.HASH, 8000, 100, -13, -10);
        PcmAudio quiet = DtmfTones.tone(DtmfDigit.D0, 8000, 100, -28);
        PcmAudio gap = PcmAudio.silence(8000, 80);
        PcmAudio line = Signals.concat(normalTwist, gap, reverseTwist, gap, quiet, gap);
        PcmAudio noisy = Signals.mix(line, Signals.noise(8000, (int) line.durationMillis(), -38, 5));
        assertEquals("8#0", detect(noisy, 8000, 160));
    }

    @Test
    void rejectsExcessTwistSingleTonesNoiseAndShortBlips() {
        PcmAudio gap = PcmAudio.silence(8000, 100);
        PcmAudio tooMuchTwist = DtmfTones.tone(DtmfDigit.D1, 8000, 120, -6, -20);
        PcmAudio reverseTooMuch = DtmfTones.tone(DtmfDigit.D1, 8000, 120, -18, -8);
        PcmAudio oneTone = Signals.sine(770, 8000, 200, -6);
        PcmAudio burst = Signals.noise(8000, 300, -8, 9);
        PcmAudio blip = DtmfTones.tone(DtmfDigit.D2, 8000, 15, -6);
        PcmAudio chord = Signals.mix(Signals.sine(697, 8000, 200, -12), Signals.mix(Signals.sine(1209, 8000, 200, -12), Signals.sine(1336, 8000, 200, -12)));
        assertEquals("", detect(Signals.concat(tooMuchTwist, gap, reverseTooMuch, gap, oneTone, gap, burst, gap, blip, gap, chord), 8000, 160));
    }

    @Test
    void frameSizeDoesNotMatter() {
        PcmAudio keys = DtmfTones.sequence("0123456789", 8000, 60, 50);
        assertEquals("0123456789", detect(keys, 8000, 80));
        assertEquals("0123456789", detect(keys, 8000, 333));
        assertEquals("0123456789", detect(keys, 8000, keys.length()));
    }

    @Test
    void keysSurviveTheG711PathOfACall() {
        PcmAudio keys = DtmfTones.sequence("147*2580369#", 8000, 60, 60);
        for (G711.Law law : G711.Law.values()) {
            byte[] coded = new byte[keys.length()];
            short[] decoded = new short[keys.length()];
            G711.encode(law, keys.samples(), 0, keys.length(), coded);
            G711.decode(law, coded, 0, coded.length, decoded);
            assertEquals("147*2580369#", detect(new PcmAudio(decoded, 8000), 8000, 160), law.encodingName);
        }
    }

    @Test
    void digitsMapToRfc4733Codes() {
        assertEquals(DtmfDigit.STAR, DtmfDigit.ofEventCode(10).orElseThrow());
        assertEquals(DtmfDigit.HASH, DtmfDigit.ofEventCode(11).orElseThrow());
        assertEquals(DtmfDigit.D0, DtmfDigit.ofSymbol('0').orElseThrow());
        assertEquals(DtmfDigit.DA, DtmfDigit.ofSymbol('a').orElseThrow());
        assertTrue(DtmfDigit.ofEventCode(16).isEmpty(), "flash is not a digit");
        for (DtmfDigit d : DtmfDigit.values()) assertEquals(d, DtmfDigit.ofEventCode(d.eventCode()).orElseThrow());
    }

    private static String detect(PcmAudio audio, int rate, int frame) {
        DtmfDetector detector = new DtmfDetector(rate);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < audio.length(); i += frame) {
            List<DtmfDigit> keys = detector.accept(audio.samples(), i, Math.min(frame, audio.length() - i));
            keys.forEach(k -> out.append(k.symbol()));
        }
        return out.toString();
    }
}
