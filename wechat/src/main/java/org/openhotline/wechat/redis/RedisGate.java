package org.openhotline.wechat.redis;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The channel's Redis connection pool, entered through a semaphore as wide as the pool. Measured here: with more
 * virtual threads than pooled connections, commons-pool2's {@code create()} spins while connections are being
 * opened, the spinning threads hold both carrier threads of a 2-core machine, and the threads that would finish
 * opening connections never run again. Waiting on the semaphore parks instead.
 */
public final class RedisGate implements AutoCloseable {
    private static final int CONNECTIONS = 16;
    private final UnifiedJedis redis;
    private final Semaphore permits = new Semaphore(CONNECTIONS, true);

    public RedisGate(String url) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(CONNECTIONS);
        pool.setMaxIdle(CONNECTIONS);
        pool.setMaxWait(Duration.ofSeconds(2));
        this.redis = RedisClient.builder().fromURI(URI.create(url)).poolConfig(pool).build();
    }

    public <T> T call(Function<UnifiedJedis, T> command) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for Redis", e);
        }
        try {
            return command.apply(redis);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
