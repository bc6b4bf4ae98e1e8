package org.openhotline.voice.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void aToneKeepsItsFrequencyAndLevelAcrossRates() {
        int[][] pairs = {{8000, 16000}, {16000, 8000}, {44100, 8000}, {22050, 8000}, {8000, 44100}, {48000, 16000}};
        for (int[] p : pairs) {
            PcmAudio in = Signals.sine(1000, p[0], 500, -10);
            PcmAudio out = Resampler.convert(in, p[1]);
            assertEquals(p[1], out.sampleRate());
            assertEquals(p[1] / 2, out.length(), p[0] + "→" + p[1]);
            int from = out.length() / 5, to = out.length() * 4 / 5;
            assertEquals(-10, Signals.toneDbfs(out, 1000, from, to), 0.3, p[0] + "→" + p[1] + " level of 1 kHz");
            assertTrue(Signals.toneDbfs(out, 1100, from, to) < -50, p[0] + "→" + p[1] + " energy off the tone");
        }
    }

    @Test
    void toneStaysInPlaceInTime() {
        PcmAudio in = Signals.concat(PcmAudio.silence(16000, 200), Signals.sine(700, 16000, 200, -6), PcmAudio.silence(16000, 200));
        PcmAudio out = Resampler.convert(in, 8000);
        assertTrue(Signals.rmsDbfs(out, 0, 1500) < -50, "silence before the tone stays silent");
        assertTrue(Signals.rmsDbfs(out, 1700, 3000) > -12, "tone where it was");
        assertTrue(Signals.rmsDbfs(out, 3400, 4800) < -50, "silence after");
    }

    @Test
    void downsamplingSuppressesWhatWouldAlias() {
        // 5 kHz at 16 kHz would fold to 3 kHz at 8 kHz; 6.5 kHz at 44.1 kHz would fold to 1.5 kHz
        PcmAudio out = Resampler.convert(Signals.sine(5000, 16000, 500, -3), 8000);
        assertTrue(Signals.toneDbfs(out, 3000, 800, 3200) < -70, "alias of 5 kHz at 3 kHz: " + Signals.toneDbfs(out, 3000, 800, 3200));
        PcmAudio out2 = Resampler.convert(Signals.sine(6500, 44100, 500, -3), 8000);
        assertTrue(Signals.toneDbfs(out2, 1500, 800, 3200) < -70, "alias of 6.5 kHz at 1.5 kHz");
        // just above the new Nyquist frequency (4.2 kHz → 3.8 kHz) is still well down
        PcmAudio out3 = Resampler.convert(Signals.sine(4200, 16000, 500, -3), 8000);
        assertTrue(Signals.toneDbfs(out3, 3800, 800, 3200) < -60, "alias of 4.2 kHz");
    }

    @Test
    void upsamplingAddsNoImages() {
        PcmAudio out = Resampler.convert(Signals.sine(1000, 8000, 500, -3), 16000);
        // the image of 1 kHz at 8 kHz sampling sits at 7 kHz
        assertTrue(Signals.toneDbfs(out, 7000, 1600, 6400) < -70, "image at 7 kHz");
    }

    @Test
    void streamingInSmallFramesEqualsOneBlock() {
        PcmAudio in = Signals.mix(Signals.sine(440, 8000, 300, -12), Signals.noise(8000, 300, -30, 1));
        short[] whole = Resampler.create(8000, 16000).process(in.samples());
        Resampler streaming = Resampler.create(8000, 16000);
        short[] pieces = new short[whole.length];
        int at = 0;
        for (int i = 0; i < in.length(); i += 160) {
            short[] out = streaming.process(in.samples(), i, Math.min(160, in.length() - i));
            System.arraycopy(out, 0, pieces, at, out.length);
            at += out.length;
        }
        assertEquals(whole.length, at);
        org.junit.jupiter.api.Assertions.assertArrayEquals(whole, pieces);
        assertEquals(320, Resampler.create(8000, 16000).process(new short[160]).length, "a 20 ms frame gives 20 ms");
    }

    @Test
    void sameRateIsACopy() {
        PcmAudio in = Signals.sine(440, 8000, 100, -6);
        assertEquals(in, Resampler.convert(in, 8000));
    }
}
