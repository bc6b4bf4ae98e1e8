package org.openhotline.bot.log;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A bounded log in memory for the eval and tests; the server uses {@link JdbcMessageLog}. */
public final class InMemoryMessageLog implements MessageLog {
    private final Deque<LoggedMessage> messages = new ArrayDeque<>();
    private final int capacity;
    private final AtomicLong ids = new AtomicLong();

    public InMemoryMessageLog(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void record(List<LoggedMessage> batch) {
        for (LoggedMessage m : batch) {
            messages.addLast(new LoggedMessage(ids.incrementAndGet(), m.sessionId(), m.channel(), m.direction(), m.at(), m.body(),
                    m.replyType(), m.act(), m.entryId(), m.flowId(), m.confidence(), m.reason(), m.nlu(), m.latencyMs()));
            if (messages.size() > capacity) messages.removeFirst();
        }
    }

    @Override
    public synchronized List<LoggedMessage> transcript(String sessionId, int limit) {
        List<LoggedMessage> out = new ArrayList<>();
        for (LoggedMessage m : messages) if (m.sessionId().equals(sessionId)) out.add(m);
        return out.size() <= limit ? out : out.subList(out.size() - limit, out.size());
    }

    @Override
    public synchronized List<String> mostAnswered(Instant since, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        for (LoggedMessage m : messages) {
            if (!m.inbound() && m.entryId() != null && !m.at().isBefore(since)) counts.merge(m.entryId(), 1, Integer::sum);
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    public synchronized List<LoggedMessage> all() {
        return List.copyOf(messages);
    }
}
