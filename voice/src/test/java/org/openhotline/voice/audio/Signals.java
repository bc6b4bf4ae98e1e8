package org.openhotline.voice.audio;

import java.util.Random;

/** Test signals and measurements: sine tones, white noise, levels and the level of one frequency. */
public final class Signals {
    private Signals() {}

    public static PcmAudio sine(double hz, int sampleRate, int millis, double dbfs) {
        int n = sampleRate * millis / 1000;
        double amp = 32767 * Math.pow(10, dbfs / 20);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) s[i] = (short) Math.round(amp * Math.sin(2 * Math.PI * hz * i / sampleRate));
        return new PcmAudio(s, sampleRate);
    }

    public static PcmAudio noise(int sampleRate, int millis, double rmsDbfs, long seed) {
        Random random = new Random(seed);
        int n = sampleRate * millis / 1000;
        double sigma = 32768 * Math.pow(10, rmsDbfs / 20);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) s[i] = clamp(random.nextGaussian() * sigma);
        return new PcmAudio(s, sampleRate);
    }

    /** Sample-wise sum (clipped). */
    public static PcmAudio mix(PcmAudio a, PcmAudio b) {
        short[] s = new short[Math.max(a.length(), b.length())];
        for (int i = 0; i < s.length; i++) s[i] = clamp((i < a.length() ? a.samples()[i] : 0) + (i < b.length() ? b.samples()[i] : 0));
        return new PcmAudio(s, a.sampleRate());
    }

    public static PcmAudio concat(PcmAudio... parts) {
        int n = 0;
        for (PcmAudio p : parts) n += p.length();
        short[] s = new short[n];
        int at = 0;
        for (PcmAudio p : parts) {
            System.arraycopy(p.samples(), 0, s, at, p.length());
            at += p.length();
        }
        return new PcmAudio(s, parts[0].sampleRate());
    }

    public static PcmAudio gain(PcmAudio a, double db) {
        double g = Math.pow(10, db / 20);
        short[] s = new short[a.length()];
        for (int i = 0; i < s.length; i++) s[i] = clamp(a.samples()[i] * g);
        return new PcmAudio(s, a.sampleRate());
    }

    public static double rmsDbfs(PcmAudio a, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += (double) a.samples()[i] * a.samples()[i];
        return 10 * Math.log10(sum / Math.max(1, to - from) / (32768.0 * 32768.0) + 1e-15);
    }

    /** Amplitude (dBFS) of the component at {@code hz} in samples [from, to), by a Hann-windowed correlation. */
    public static double toneDbfs(PcmAudio a, double hz, int from, int to) {
        double re = 0, im = 0, wsum = 0;
        for (int i = from; i < to; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i - from) / (to - from - 1));
            double phase = 2 * Math.PI * hz * i / a.sampleRate();
            re += w * a.samples()[i] * Math.cos(phase);
            im += w * a.samples()[i] * Math.sin(phase);
            wsum += w;
        }
        double amplitude = 2 * Math.hypot(re, im) / wsum;
        return 20 * Math.log10(amplitude / 32767 + 1e-15);
    }

    private static short clamp(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
}
