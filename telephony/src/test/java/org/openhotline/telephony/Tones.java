package org.openhotline.telephony;

/** How much of a frequency a stretch of audio holds (Goertzel), to tell whose voice is in a recording. */
public final class Tones {
    private Tones() {}

    /** Fraction of 20 ms blocks in {@code pcm} where {@code hz} dominates: its power is most of the block's. */
    public static double share(short[] pcm, int rate, double hz) {
        int block = rate / 50, hits = 0, blocks = 0;
        for (int start = 0; start + block <= pcm.length; start += block) {
            double coeff = 2 * Math.cos(2 * Math.PI * hz / rate), s1 = 0, s2 = 0, energy = 0;
            for (int i = start; i < start + block; i++) {
                double s = pcm[i] + coeff * s1 - s2;
                s2 = s1;
                s1 = s;
                energy += (double) pcm[i] * pcm[i];
            }
            double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
            blocks++;
            if (energy > 1e6 && power / (energy * block / 2.0) > 0.2) hits++;
        }
        return blocks == 0 ? 0 : (double) hits / blocks;
    }
}
