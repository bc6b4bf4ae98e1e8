package org.openhotline.wechat.api;

/**
 * What WeChat told one node about sending that every node must respect: a citizen whose customer-service quota is
 * used up (45047: nothing more until they write again) and the account's daily API quota (45009: all sends
 * paused). Per node in memory; in Redis when nodes share the account, so another node does not keep knocking.
 */
public interface SendLimits {
    boolean suspended(String openId);

    void suspend(String openId);

    /** The citizen wrote: their window and quota are open again. */
    void resume(String openId);

    /** Epoch millis until which all sends wait; 0 when not paused. */
    long pausedUntil();

    void pauseUntil(long epochMillis);

    /** One node's limits. */
    static SendLimits inMemory() {
        return new SendLimits() {
            private final java.util.Set<String> suspended = java.util.concurrent.ConcurrentHashMap.newKeySet();
            private final java.util.concurrent.atomic.AtomicLong paused = new java.util.concurrent.atomic.AtomicLong();

            @Override
            public boolean suspended(String openId) {
                return suspended.contains(openId);
            }

            @Override
            public void suspend(String openId) {
                suspended.add(openId);
            }

            @Override
            public void resume(String openId) {
                suspended.remove(openId);
            }

            @Override
            public long pausedUntil() {
                return paused.get();
            }

            @Override
            public void pauseUntil(long epochMillis) {
                paused.accumulateAndGet(epochMillis, Math::max);
            }
        };
    }
}
