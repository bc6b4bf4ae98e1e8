package org.openhotline.wechat.api;

import java.util.concurrent.locks.Lock;

/**
 * Where the account's access token lives. WeChat invalidates the old token a few minutes after a new one is
 * fetched, so nodes must share one token and only one of them may fetch: the lock is node-wide in memory and
 * cluster-wide in Redis.
 */
public interface TokenStore {
    /** The current token, or null. */
    AccessToken current();

    void put(AccessToken token);

    /** Forgets the token if it is still {@code stale} (another node may have replaced it already). */
    void expire(String stale);

    /** Held while fetching a new token or expiring one. */
    Lock lock();
}
