package org.openhotline.bot.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process's memory, forgotten after {@code idle} without a message and capped in
 * number so that a flood of new session ids cannot exhaust the heap (the oldest go first).
 */
public final class InMemorySessionStore implements SessionStore {
    private final Map<String, ConversationSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final int max;

    public InMemorySessionStore(Clock clock, Duration idle, int max) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    @Override
    public ConversationSession get(String sessionId) {
        Instant now = clock.instant();
        ConversationSession s = sessions.compute(sessionId, (id, old) ->
                old == null || old.lastSeen().plus(idle).isBefore(now) ? new ConversationSession(id, now) : old);
        s.touch(now);
        if (sessions.size() > max) evict(now);
        return s;
    }

    private void evict(Instant now) {
        Instant cutoff = now.minus(idle);
        sessions.values().removeIf(s -> s.lastSeen().isBefore(cutoff));
        Iterator<ConversationSession> it = sessions.values().stream()
                .sorted(java.util.Comparator.comparing(ConversationSession::lastSeen)).iterator();
        while (sessions.size() > max && it.hasNext()) sessions.remove(it.next().id());
    }

    @Override
    public int size() {
        return sessions.size();
    }
}
