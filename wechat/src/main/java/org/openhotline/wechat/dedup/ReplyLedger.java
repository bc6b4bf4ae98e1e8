package org.openhotline.wechat.dedup;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers which callbacks are being or have been answered, so WeChat's retries (after 5 s, up to three) never
 * produce a second answer: the first arrival claims the key, later arrivals wait for its outcome and repeat it.
 * In memory on one node; in Redis when several nodes share the callback URL (a retry may reach another node).
 */
public interface ReplyLedger extends AutoCloseable {
    /** True for the first arrival of {@code key} within the TTL; it must then {@link #complete} it. */
    boolean claim(String key);

    void complete(String key, Outcome outcome);

    /** The outcome of a claimed key, waiting for it up to {@code max}; empty if it is still not known. */
    Optional<Outcome> await(String key, Duration max);

    @Override
    default void close() {}
}
