package org.openhotline.voice.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class G711Test {
    @Test
    void knownCodesOfTheStandard() {
        assertEquals((byte) 0xFF, G711.linearToUlaw((short) 0));
        assertEquals((byte) 0xD5, G711.linearToAlaw((short) 0));
        assertEquals(0, G711.ulawToLinear((byte) 0xFF));
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
    }

    @Test
    void everyCodeSurvivesARoundTrip() {
        for (G711.Law law : G711.Law.values()) {
            for (int c = 0; c < 256; c++) {
                byte code = (byte) c;
                short pcm = law == G711.Law.ULAW ? G711.ulawToLinear(code) : G711.alawToLinear(code);
                byte again = law == G711.Law.ULAW ? G711.linearToUlaw(pcm) : G711.linearToAlaw(pcm);
                short back = law == G711.Law.ULAW ? G711.ulawToLinear(again) : G711.alawToLinear(again);
                assertEquals(pcm, back, law + " code " + c);
            }
        }
    }

    @Test
    void quantisationErrorStaysWithinTheSegmentStep() {
        for (G711.Law law : G711.Law.values()) {
            for (int s = -32768; s <= 32767; s += 7) {
                short in = (short) s;
                short out = law == G711.Law.ULAW ? G711.ulawToLinear(G711.linearToUlaw(in)) : G711.alawToLinear(G711.linearToAlaw(in));
                int err = Math.abs(out - in);
                assertTrue(err <= Math.max(16, Math.abs(s) / 16 + 16) + 200 * (Math.abs(s) > 32000 ? 1 : 0), law + " " + s + " -> " + out);
            }
        }
    }
}
