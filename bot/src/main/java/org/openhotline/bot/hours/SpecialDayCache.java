package org.openhotline.bot.hours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's special days held in memory, because an hours check may look at thirty days ahead and must not
 * cost thirty queries. The store's revision is read at most once per {@code refresh}; the rows are read again
 * only when it moved. If the store fails, the last good snapshot stays in use and the failure is logged once.
 */
final class SpecialDayCache {
    private static final Logger log = LoggerFactory.getLogger(SpecialDayCache.class);

    private final SpecialDayStore store;
    private final Clock clock;
    private final Duration refresh;
    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, Map.of(), Instant.MIN);
    private boolean failing;

    SpecialDayCache(SpecialDayStore store, Clock clock, Duration refresh) {
        this.store = store;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The entry for exactly {@code group} (or {@link SpecialDay#ALL_GROUPS}) on {@code date}. */
    Optional<SpecialDay> find(LocalDate date, String group) {
        return Optional.ofNullable(current().days.get(key(date, group)));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s.checkedAt.plus(refresh).isAfter(now)) return s;
        synchronized (this) {
            s = snapshot;
            if (s.checkedAt.plus(refresh).isAfter(now)) return s;
            try {
                long rev = store.revision();
                if (rev != s.revision) {
                    Map<String, SpecialDay> days = new HashMap<>();
                    for (SpecialDay d : store.list(null, null)) days.put(key(d.date(), d.group()), d);
                    s = new Snapshot(rev, Map.copyOf(days), now);
                } else {
                    s = new Snapshot(rev, s.days, now);
                }
                if (failing) log.info("special days readable again ({} entries)", s.days.size());
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) log.warn("cannot read the special days, keeping the {} known ones: {}", s.days.size(), e.getMessage());
                failing = true;
                s = new Snapshot(s.revision, s.days, now);
            }
            snapshot = s;
            return s;
        }
    }

    /** Forget the last check, so the next lookup reads the store; for the node that just made an edit. */
    void invalidate() {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.revision, s.days, Instant.MIN);
    }

    private static String key(LocalDate date, String group) {
        return date + "|" + group;
    }

    private record Snapshot(long revision, Map<String, SpecialDay> days, Instant checkedAt) {}
}
