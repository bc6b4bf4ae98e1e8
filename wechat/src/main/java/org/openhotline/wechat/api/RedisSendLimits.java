package org.openhotline.wechat.api;

import java.time.Clock;
import org.openhotline.wechat.redis.RedisGate;
import redis.clients.jedis.params.SetParams;

/**
 * {@link SendLimits} shared by every node: one key per suspended citizen (expiring after 48 hours, when WeChat's
 * window has closed anyway) and one key holding the pause's end (expiring with it).
 */
public final class RedisSendLimits implements SendLimits {
    private static final long WINDOW_MILLIS = 48L * 3600 * 1000;
    private final RedisGate redis;
    private final String prefix;
    private final Clock clock;

    /** {@code clock}: the one the sender decides pauses by, so a pause's expiry and its end agree. */
    public RedisSendLimits(RedisGate redis, String prefix, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
    }

    @Override
    public boolean suspended(String openId) {
        return redis.call(r -> r.exists(prefix + "suspended:" + openId));
    }

    @Override
    public void suspend(String openId) {
        redis.call(r -> r.set(prefix + "suspended:" + openId, "45047", SetParams.setParams().px(WINDOW_MILLIS)));
    }

    @Override
    public void resume(String openId) {
        redis.call(r -> r.del(prefix + "suspended:" + openId));
    }

    @Override
    public long pausedUntil() {
        String v = redis.call(r -> r.get(prefix + "paused-until"));
        try {
            return v == null ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void pauseUntil(long epochMillis) {
        long ttl = epochMillis - clock.millis();
        if (ttl > 0) redis.call(r -> r.set(prefix + "paused-until", Long.toString(epochMillis), SetParams.setParams().px(ttl)));
    }
}
