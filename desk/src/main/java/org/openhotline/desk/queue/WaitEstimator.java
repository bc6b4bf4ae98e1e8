package org.openhotline.desk.queue;

import java.time.Duration;
import java.util.List;

/**
 * The wait a citizen is told: chats ahead times the group's recent mean handle time, shared by the places its
 * online agents have. Crude on purpose (buyers ask that it exists and moves); it updates as handle times and
 * staffing change. Unknown staffing (nobody online) counts as one place.
 */
public final class WaitEstimator {
    private final Duration fallbackHandle;

    public WaitEstimator(Duration fallbackHandle) {
        this.fallbackHandle = fallbackHandle;
    }

    public Duration meanHandle(List<Duration> recent) {
        if (recent.isEmpty()) return fallbackHandle;
        long sum = 0;
        for (Duration d : recent) sum += Math.max(0, d.toMillis());
        return Duration.ofMillis(sum / recent.size());
    }

    /** @param position 1 = next; @param places the group's online agents' chat limits added up */
    public Duration estimate(int position, Duration meanHandle, int places) {
        return meanHandle.multipliedBy(position).dividedBy(Math.max(1, places));
    }
}
