package org.openhotline.wechat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.redis.RedisGate;

/** A pause's expiry in Redis is measured on the injected clock, the one the sender decides by (real Redis). */
class RedisSendLimitsIT {
    static final String REDIS = System.getProperty("hotline.redis.url", "redis://127.0.0.1:6379");

    @Test
    void aPauseLastsAsLongAsTheSendersClockSays() {
        Clock anHourBehind = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String prefix = "test-limits-" + UUID.randomUUID() + ":";
        try (RedisGate redis = new RedisGate(REDIS)) {
            RedisSendLimits limits = new RedisSendLimits(redis, prefix, anHourBehind);
            long until = anHourBehind.millis() + 60_000;
            limits.pauseUntil(until); // by the wall clock this end is long past, and nothing was stored
            assertEquals(until, limits.pausedUntil());
            long ttl = redis.call(r -> r.pttl(prefix + "paused-until"));
            assertTrue(ttl > 0 && ttl <= 60_000, "expires with the pause: " + ttl);
            limits.pauseUntil(anHourBehind.millis() - 1); // already over: nothing stored
            assertEquals(until, limits.pausedUntil());
            redis.call(r -> r.del(prefix + "paused-until"));
        }
    }
}
