package org.openhotline.voice.audio;

/** Kaiser-windowed sinc low-pass, split into the phases a polyphase resampler indexes. */
final class KaiserSinc {
    private KaiserSinc() {}

    /**
     * Phase {@code p} holds prototype taps {@code p, p + up, p + 2·up …}, scaled by {@code up} so that
     * interpolation keeps the level.
     */
    static float[][] polyphase(int up, int tapsPerPhase, double cutoff, double stopbandDb) {
        int length = up * tapsPerPhase;
        double beta = stopbandDb > 50 ? 0.1102 * (stopbandDb - 8.7) : 0.5842 * Math.pow(stopbandDb - 21, 0.4) + 0.07886 * (stopbandDb - 21);
        double centre = (length - 1) / 2.0;
        double i0Beta = besselI0(beta);
        float[][] phases = new float[up][tapsPerPhase];
        for (int j = 0; j < length; j++) {
            double t = j - centre;
            double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            double ratio = t / centre;
            double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - ratio * ratio))) / i0Beta;
            phases[j % up][j / up] = (float) (sinc * window * up);
        }
        return phases;
    }

    private static double besselI0(double x) {
        double sum = 1, term = 1, half = x / 2;
        for (int k = 1; k < 50; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < 1e-12 * sum) break;
        }
        return sum;
    }
}
