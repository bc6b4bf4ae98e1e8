package org.openhotline.wechat.api;

import java.util.List;
import java.util.concurrent.locks.Lock;
import org.openhotline.wechat.redis.RedisGate;
import redis.clients.jedis.params.SetParams;

/**
 * The token shared by all nodes: one Redis key ("refreshAt|token") whose Redis TTL ends at WeChat's expiry, a
 * compare-and-delete to expire it, and a Redis lock so that only one node fetches a new one.
 */
public final class RedisTokenStore implements TokenStore {
    private static final String EXPIRE_IF_SAME = """
            local v = redis.call('GET', KEYS[1])
            if v and string.sub(v, string.find(v, '|', 1, true) + 1) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";
    private final RedisGate redis;
    private final String key;
    private final RedisLock lock;

    public RedisTokenStore(RedisGate redis, String prefix, String appId) {
        this.redis = redis;
        this.key = prefix + "token:" + appId;
        this.lock = new RedisLock(redis, prefix + "token-lock:" + appId, 15_000);
    }

    @Override
    public AccessToken current() {
        String v = redis.call(r -> r.get(key));
        if (v == null) return null;
        int bar = v.indexOf('|');
        if (bar < 0) return null;
        try {
            return new AccessToken(v.substring(bar + 1), Long.parseLong(v.substring(0, bar)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void put(AccessToken t) {
        long ttl = Math.max(1000, t.refreshAtMillis() - System.currentTimeMillis() + 300_000);
        redis.call(r -> r.set(key, t.refreshAtMillis() + "|" + t.value(), SetParams.setParams().px(ttl)));
    }

    @Override
    public void expire(String stale) {
        if (stale != null) redis.call(r -> r.eval(EXPIRE_IF_SAME, List.of(key), List.of(stale)));
    }

    @Override
    public Lock lock() {
        return lock;
    }
}
