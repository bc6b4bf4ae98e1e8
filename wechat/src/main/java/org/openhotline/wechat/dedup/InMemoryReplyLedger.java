package org.openhotline.wechat.dedup;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** The ledger of one node: keys expire after the TTL, swept every few hundred claims so memory stays bounded. */
public final class InMemoryReplyLedger implements ReplyLedger {
    private record Entry(CompletableFuture<Outcome> outcome, long expiresAt) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final LongSupplier clock;
    private final AtomicInteger claims = new AtomicInteger();

    public InMemoryReplyLedger(Duration ttl) {
        this(ttl, System::currentTimeMillis);
    }

    InMemoryReplyLedger(Duration ttl, LongSupplier clock) {
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    @Override
    public boolean claim(String key) {
        long now = clock.getAsLong();
        if (claims.incrementAndGet() % 256 == 0) entries.values().removeIf(e -> e.expiresAt() < now);
        Entry fresh = new Entry(new CompletableFuture<>(), now + ttlMillis);
        Entry prior = entries.compute(key, (k, e) -> e == null || e.expiresAt() < now ? fresh : e);
        return prior == fresh;
    }

    @Override
    public void complete(String key, Outcome outcome) {
        Entry e = entries.get(key);
        if (e != null) e.outcome().complete(outcome);
    }

    @Override
    public Optional<Outcome> await(String key, Duration max) {
        Entry e = entries.get(key);
        if (e == null) return Optional.empty();
        try {
            return Optional.of(e.outcome().get(max.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException ex) {
            return Optional.empty();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Keys held now, for tests of the sweep. */
    int size() {
        return entries.size();
    }
}
