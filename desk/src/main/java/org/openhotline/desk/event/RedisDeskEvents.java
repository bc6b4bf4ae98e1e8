package org.openhotline.desk.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.openhotline.bot.BotJson;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Desk events across nodes over Redis pub/sub (channel {@code <prefix>events}): every node, the publisher too,
 * receives each event from Redis and hands it to its local subscribers, so all nodes see the same order. The
 * subscriber connection is re-opened after a failure; events published meanwhile are missed, which is why events
 * only announce state that is already in the database (a console re-reads its snapshot on reconnect).
 * Publishing enters a semaphore as wide as the connection pool: with more virtual threads than pooled connections,
 * commons-pool2 spins while connections open and can starve the carrier threads (measured by the WeChat channel).
 */
public final class RedisDeskEvents implements DeskEvents {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RedisDeskEvents.class);
    private final ObjectMapper json = BotJson.mapper();
    private final LocalDeskEvents local = new LocalDeskEvents();
    private static final int CONNECTIONS = 8;
    private final RedisClient publisher;
    private final java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(CONNECTIONS, true);
    private final URI uri;
    private final String channel;
    private final Thread listener;
    private final java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
    private volatile JedisPubSub pubSub;
    private volatile boolean closed;

    public RedisDeskEvents(String url, String prefix) {
        this.uri = URI.create(url);
        this.channel = prefix + "events";
        org.apache.commons.pool2.impl.GenericObjectPoolConfig<redis.clients.jedis.Connection> pool = new org.apache.commons.pool2.impl.GenericObjectPoolConfig<>();
        pool.setMaxTotal(CONNECTIONS);
        pool.setMaxIdle(CONNECTIONS);
        pool.setMaxWait(Duration.ofSeconds(2));
        this.publisher = RedisClient.builder().fromURI(uri).poolConfig(pool).build();
        this.listener = Thread.ofPlatform().daemon().name("desk-events-redis").start(this::listen);
        try {
            if (!subscribed.await(5, java.util.concurrent.TimeUnit.SECONDS)) log.warn("desk events: not subscribed to Redis yet, continuing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(200);
        while (!closed) {
            try (Jedis jedis = new Jedis(uri)) {
                JedisPubSub sub = new JedisPubSub() {
                    @Override
                    public void onMessage(String ch, String message) {
                        receive(message);
                    }

                    @Override
                    public void onSubscribe(String ch, int count) {
                        subscribed.countDown();
                    }
                };
                pubSub = sub;
                jedis.subscribe(sub, channel);
                backoff = Duration.ofMillis(200);
            } catch (RuntimeException e) {
                if (closed) return;
                log.warn("desk events: Redis subscription lost ({}), retrying in {} ms", e.toString(), backoff.toMillis());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    private void receive(String message) {
        DeskEvent event;
        try {
            event = json.readValue(message, DeskEvent.class);
        } catch (java.io.IOException e) {
            log.warn("desk events: unreadable event from Redis skipped ({})", e.getMessage());
            return;
        }
        local.deliver(event);
    }

    @Override
    public void publish(DeskEvent event) {
        String message;
        try {
            message = json.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("desk events: could not write " + event.getClass().getSimpleName(), e);
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            local.deliver(event);
            return;
        }
        try {
            publisher.publish(channel, message);
        } catch (RuntimeException e) {
            // the state is stored; subscribers catch up from it. Deliver here at least.
            log.warn("desk events: Redis publish failed ({}); delivered on this node only", e.toString());
            local.deliver(event);
        } finally {
            permits.release();
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<DeskEvent> subscriber) {
        return local.subscribe(subscriber);
    }

    @Override
    public void close() {
        closed = true;
        JedisPubSub sub = pubSub;
        if (sub != null) {
            try {
                sub.unsubscribe();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        listener.interrupt();
        publisher.close();
        local.close();
    }
}
