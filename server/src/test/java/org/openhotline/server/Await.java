package org.openhotline.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting in tests on a condition, never on a fixed pause: SIP, RTP, HTTP, browsers and child processes on a loaded 2-core CI box can
 * be seconds late, so the deadline is generous (30 s) and only a failing test ever waits that long.
 */
public final class Await {
    /** How long a condition may take before the test fails. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private Await() {}

    /** Waits until {@code condition} holds; fails with {@code why} if it does not within {@link #DEADLINE}. */
    public static void until(BooleanSupplier condition, String why) throws InterruptedException {
        until(condition, () -> why);
    }

    /** As {@link #until(BooleanSupplier, String)}, the message built only on failure (e.g. a log to attach). */
    public static void until(BooleanSupplier condition, Callable<String> why) throws InterruptedException {
        until(condition, DEADLINE, why);
    }

    /** For what takes longer by nature (indexing a knowledge base): waits up to {@code deadline}. */
    public static void until(BooleanSupplier condition, Duration deadline, Callable<String> why) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                assertTrue(condition.getAsBoolean(), () -> message(why));
                return;
            }
            Thread.sleep(20);
        }
    }

    /** Waits until {@code probe} gives a value other than null, and returns it. */
    public static <T> T value(Supplier<T> probe, String why) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        T v = probe.get();
        while (v == null && System.nanoTime() < end) {
            Thread.sleep(20);
            v = probe.get();
        }
        assertNotNull(v, why);
        return v;
    }

    private static String message(Callable<String> why) {
        try {
            return why.call();
        } catch (Exception e) {
            return "(the failure message could not be built: " + e + ")";
        }
    }
}
