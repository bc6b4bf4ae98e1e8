package org.openhotline.wechat.dedup;

import java.time.Duration;
import java.util.Optional;
import org.openhotline.wechat.redis.RedisGate;
import redis.clients.jedis.params.SetParams;

/**
 * The ledger shared by every node: {@code SET NX PX} claims a key, the outcome is a second key with the same TTL,
 * and a retry that reached another node polls for it (every 20 ms) up to its budget.
 */
public final class RedisReplyLedger implements ReplyLedger {
    private final RedisGate redis;
    private final String prefix;
    private final long ttlMillis;

    public RedisReplyLedger(RedisGate redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttlMillis = ttl.toMillis();
    }

    @Override
    public boolean claim(String key) {
        return "OK".equals(redis.call(r -> r.set(prefix + "claim:" + key, "1", SetParams.setParams().nx().px(ttlMillis))));
    }

    @Override
    public void complete(String key, Outcome outcome) {
        redis.call(r -> r.set(prefix + "done:" + key, outcome.encode(), SetParams.setParams().px(ttlMillis)));
    }

    @Override
    public Optional<Outcome> await(String key, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            String v = redis.call(r -> r.get(prefix + "done:" + key));
            if (v != null) return Optional.of(Outcome.decode(v));
            if (System.nanoTime() > deadline) return Optional.empty();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
