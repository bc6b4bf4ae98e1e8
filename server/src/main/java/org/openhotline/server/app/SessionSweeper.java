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
    private final java.util.function.Predicate<Conversation.Closed> push;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-sweeper");
        t.setDaemon(true);
        return t;
    });

    /** @param push hands a closing message to a channel that can deliver it unasked; false when none can */
    SessionSweeper(Conversation conversation, java.util.function.Predicate<Conversation.Closed> push) {
        this.conversation = conversation;
        this.push = push;
    }

    void start(int everySeconds) {
        timer.scheduleWithFixedDelay(this::sweep, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            List<Conversation.Closed> closed = conversation.closeIdle(BATCH);
            int pushed = 0;
            for (Conversation.Closed c : closed) {
                try {
                    if (push.test(c)) pushed++;
                } catch (RuntimeException e) {
                    log.warn("a closing message could not be handed to its channel: {}", e.toString());
                }
            }
            if (!closed.isEmpty()) log.info("closed {} idle sessions ({} closing messages pushed)", closed.size(), pushed);
        } catch (RuntimeException e) {
            log.warn("closing idle sessions failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
