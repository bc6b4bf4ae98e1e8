package org.openhotline.wechat.api;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** The token of a single node. */
public final class InMemoryTokenStore implements TokenStore {
    private final AtomicReference<AccessToken> token = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public AccessToken current() {
        return token.get();
    }

    @Override
    public void put(AccessToken t) {
        token.set(t);
    }

    @Override
    public void expire(String stale) {
        token.updateAndGet(t -> t != null && t.value().equals(stale) ? null : t);
    }

    @Override
    public Lock lock() {
        return lock;
    }
}
