package org.openhotline.server.sample;

/**
 * The sample service's knobs for showing and testing the flows' failure replies: answer every business
 * call after {@code delayMs}, or fail it with HTTP 500. Changed at run time through {@code POST /_control}.
 */
final class SampleFaults {
    private volatile long delayMs;
    private volatile boolean fail;

    SampleFaults(long delayMs, boolean fail) {
        set(delayMs, fail);
    }

    void set(long delayMs, boolean fail) {
        if (delayMs < 0 || delayMs > 120_000) throw new IllegalArgumentException("delayMs must be between 0 and 120000");
        this.delayMs = delayMs;
        this.fail = fail;
    }

    long delayMs() {
        return delayMs;
    }

    boolean fail() {
        return fail;
    }
}
