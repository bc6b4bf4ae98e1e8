package org.openhotline.wechat.callback;

import java.util.EnumMap;
import java.util.Map;

/** How many callbacks were refused, by reason. */
public final class RefusalCounts {
    private final EnumMap<Refusal, Long> counts = new EnumMap<>(Refusal.class);

    synchronized void add(Refusal r) {
        counts.merge(r, 1L, Long::sum);
    }

    public synchronized long of(Refusal r) {
        return counts.getOrDefault(r, 0L);
    }

    public synchronized Map<Refusal, Long> all() {
        return Map.copyOf(counts);
    }
}
