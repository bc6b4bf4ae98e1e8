package org.openhotline.server.app;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openhotline.bot.Conversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes idle sessions on a schedule so each gets its closing message in the log (and, once channels can
 * push, on the citizen's screen) instead of silently expiring at the next message.
 */
final class SessionSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionSweeper.class);
    private static final int BATCH = 500;
    private final Conversation conversation;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-sweeper");
        t.setDaemon(true);
        return t;
    });

    SessionSweeper(Conversation conversation) {
        this.conversation = conversation;
    }

    void start(int everySeconds) {
        timer.scheduleWithFixedDelay(this::sweep, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            List<Conversation.Closed> closed = conversation.closeIdle(BATCH);
            if (!closed.isEmpty()) log.info("closed {} idle sessions", closed.size());
        } catch (RuntimeException e) {
            log.warn("closing idle sessions failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
