package org.openhotline.bot.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The special-day cache asks the store at most once per refresh interval and survives a failing store. */
class SpecialDayCacheTest {
    static final LocalDate D = LocalDate.parse("2025-03-05");

    /** A store that counts reads and fails on demand. */
    static final class FlakyStore implements SpecialDayStore {
        final InMemorySpecialDayStore inner = new InMemorySpecialDayStore();
        final AtomicInteger revisionReads = new AtomicInteger();
        final AtomicInteger listReads = new AtomicInteger();
        volatile boolean down;

        public List<SpecialDay> list(LocalDate from, LocalDate to) {
            listReads.incrementAndGet();
            if (down) throw new IllegalStateException("database down");
            return inner.list(from, to);
        }

        public boolean put(SpecialDay day) {
            return inner.put(day);
        }

        public boolean remove(LocalDate date, String group) {
            return inner.remove(date, group);
        }

        public long revision() {
            revisionReads.incrementAndGet();
            if (down) throw new IllegalStateException("database down");
            return inner.revision();
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-03-01T00:00:00Z");

        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    @Test
    void readsAtMostOncePerIntervalAndOnlyReloadsWhenTheRevisionMoved() {
        FlakyStore store = new FlakyStore();
        store.put(SpecialDay.closed(D, "*", "停电"));
        MovableClock clock = new MovableClock();
        SpecialDayCache cache = new SpecialDayCache(store, clock, Duration.ofSeconds(5));
        for (int i = 0; i < 40; i++) assertTrue(cache.find(D.plusDays(i % 3), "*").isPresent() == (i % 3 == 0));
        assertEquals(1, store.revisionReads.get());
        assertEquals(1, store.listReads.get());
        clock.now = clock.now.plusSeconds(6);
        cache.find(D, "*");
        assertEquals(2, store.revisionReads.get());
        assertEquals(1, store.listReads.get(), "unchanged revision: no reload");
    }

    @Test
    void aFailingStoreKeepsTheLastGoodDays() {
        FlakyStore store = new FlakyStore();
        store.put(SpecialDay.closed(D, "*", "停电"));
        MovableClock clock = new MovableClock();
        SpecialDayCache cache = new SpecialDayCache(store, clock, Duration.ZERO);
        assertTrue(cache.find(D, "*").isPresent());
        store.down = true;
        clock.now = clock.now.plusSeconds(1);
        assertEquals("停电", cache.find(D, "*").orElseThrow().note());
        store.down = false;
        store.remove(D, "*");
        clock.now = clock.now.plusSeconds(1);
        assertTrue(cache.find(D, "*").isEmpty());
    }
}
