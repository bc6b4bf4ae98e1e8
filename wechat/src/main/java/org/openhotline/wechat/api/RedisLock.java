package org.openhotline.wechat.api;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import org.openhotline.wechat.redis.RedisGate;
import redis.clients.jedis.params.SetParams;

/**
 * A cluster-wide mutual exclusion for short critical sections (fetching a token): {@code SET NX PX} with a value
 * owned by the holding thread, released by compare-and-delete, and a lease so a crashed node cannot hold it forever.
 * Not reentrant.
 */
final class RedisLock implements Lock {
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
    private final RedisGate redis;
    private final String key;
    private final long leaseMillis;
    private final ThreadLocal<String> owner = new ThreadLocal<>();

    RedisLock(RedisGate redis, String key, long leaseMillis) {
        this.redis = redis;
        this.key = key;
        this.leaseMillis = leaseMillis;
    }

    @Override
    public boolean tryLock() {
        String me = UUID.randomUUID().toString();
        if ("OK".equals(redis.call(r -> r.set(key, me, SetParams.setParams().nx().px(leaseMillis))))) {
            owner.set(me);
            return true;
        }
        return false;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(time);
        while (!tryLock()) {
            if (System.nanoTime() >= deadline) return false;
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void lock() {
        while (!tryLock()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + key, e);
            }
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        while (!tryLock()) Thread.sleep(10);
    }

    @Override
    public void unlock() {
        String me = owner.get();
        if (me == null) return;
        owner.remove();
        redis.call(r -> r.eval(RELEASE, List.of(key), List.of(me)));
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("no conditions on a Redis lock");
    }
}
