package org.openhotline.telephony;

/** How much of a frequency a stretch of audio holds (Goertzel), to tell whose voice is in a recording. */
public final class Tones {
    private Tones() {}

    /** Fraction of 20 ms blocks in {@code pcm} where {@code hz} dominates: its power is most of the block's. */
    public static double share(short[] pcm, int rate, double hz) {
        int block = rate / 50, hits = 0, blocks = 0;
        for (int start = 0; start + block <= pcm.length; start += block) {
            blocks++;
            if (dominance(pcm, start, block, rate, hz) > 0.2) hits++;
        }
        return blocks == 0 ? 0 : (double) hits / blocks;
    }

    /** How much of the block's power is at {@code hz}: about 1 for a pure tone, 0 for silence (too quiet to judge). */
    public static double dominance(short[] pcm, int start, int length, int rate, double hz) {
        double coeff = 2 * Math.cos(2 * Math.PI * hz / rate), s1 = 0, s2 = 0, energy = 0;
        for (int i = start; i < start + length; i++) {
            double s = pcm[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
            energy += (double) pcm[i] * pcm[i];
        }
        if (energy <= 1e6) return 0;
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return power / (energy * length / 2.0);
    }
}
