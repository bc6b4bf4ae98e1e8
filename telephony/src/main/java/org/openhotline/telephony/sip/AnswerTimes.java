package org.openhotline.telephony.sip;

import java.util.Arrays;

/** The last N answer times (INVITE in → 200 OK out) in nanoseconds, for the load benchmark and metrics. */
public final class AnswerTimes {
    private final long[] ring;
    private long count;

    AnswerTimes(int capacity) {
        ring = new long[capacity];
    }

    synchronized void add(long nanos) {
        ring[(int) (count++ % ring.length)] = nanos;
    }

    public synchronized long count() {
        return count;
    }

    /** The {@code p}-th percentile (0–100) in milliseconds of the times kept; 0 when none. */
    public synchronized double percentileMillis(double p) {
        int n = (int) Math.min(count, ring.length);
        if (n == 0) return 0;
        long[] sorted = Arrays.copyOf(ring, n);
        Arrays.sort(sorted);
        int index = Math.max(0, Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1));
        return sorted[index] / 1e6;
    }
}
