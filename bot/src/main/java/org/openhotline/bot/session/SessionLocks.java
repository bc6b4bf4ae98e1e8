package org.openhotline.bot.session;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the turns of one session on this node (a citizen double-tapping send, WeChat retrying) without
 * a lock object per session: a fixed set of stripes, so memory does not grow with the number of citizens.
 */
public final class SessionLocks {
    private final ReentrantLock[] stripes;

    public SessionLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) stripes[i] = new ReentrantLock();
    }

    public ReentrantLock of(String sessionId) {
        return stripes[Math.floorMod(sessionId.hashCode(), stripes.length)];
    }
}
