package org.openhotline.eval.quality;

/** The arithmetic every eval report shares (rates, latency percentiles, rounding for JSON), so each figure is computed one way. */
public final class Stats {
    private Stats() {}

    /** {@code part / whole}, or NaN when there is nothing to divide by (a rate of nothing is unknown, not 0). */
    public static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** The nearest-rank {@code p}-th percentile of ascending {@code sorted}; NaN when it is empty. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** {@code d} to {@code decimals} places for a report; null (JSON null) for NaN. */
    public static Object round(double d, int decimals) {
        double scale = Math.pow(10, decimals);
        return Double.isNaN(d) ? null : Math.round(d * scale) / scale;
    }
}
