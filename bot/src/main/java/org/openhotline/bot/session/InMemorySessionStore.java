package org.openhotline.bot.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process's memory: the eval's and one-node tests' store. Capped in number so that a
 * flood of new session ids cannot exhaust the heap (the least recently seen go first).
 */
public final class InMemorySessionStore implements SessionStore {
    private final Map<String, ConversationSession> sessions = new ConcurrentHashMap<>();
    private final int max;

    public InMemorySessionStore(int max) {
        this.max = max;
    }

    @Override
    public ConversationSession find(String sessionId) {
        return sessions.get(sessionId);
    }

    @Override
    public void save(ConversationSession session) {
        sessions.put(session.id(), session);
        if (sessions.size() > max) evict();
    }

    private void evict() {
        List<ConversationSession> oldest = sessions.values().stream()
                .sorted(Comparator.comparing(ConversationSession::lastSeen)).limit(Math.max(1, sessions.size() - max)).toList();
        for (ConversationSession s : oldest) sessions.remove(s.id());
    }

    @Override
    public void close(String sessionId) {
        sessions.remove(sessionId);
    }

    @Override
    public List<ConversationSession> idleSince(Instant cutoff, int limit) {
        return sessions.values().stream().filter(s -> s.lastSeen().isBefore(cutoff))
                .sorted(Comparator.comparing(ConversationSession::lastSeen)).limit(limit).toList();
    }

    @Override
    public int size() {
        return sessions.size();
    }
}
