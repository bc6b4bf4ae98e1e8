package org.openhotline.bot.session;

import java.time.Instant;
import java.util.List;
import org.openhotline.bot.message.ReplyOption;

/**
 * What the bot remembers of one citizen between messages: the options it last offered (so "2" means
 * something) and how many times in a row it could not help.
 */
public final class ConversationSession {
    private final String id;
    private List<ReplyOption> offered = List.of();
    private int fallbackStreak;
    private Instant lastSeen;

    public ConversationSession(String id, Instant now) {
        this.id = id;
        this.lastSeen = now;
    }

    public String id() {
        return id;
    }

    public synchronized List<ReplyOption> offered() {
        return offered;
    }

    public synchronized void offer(List<ReplyOption> options) {
        this.offered = List.copyOf(options);
    }

    public synchronized int fallbackStreak() {
        return fallbackStreak;
    }

    public synchronized void recordFallback(boolean fellBack) {
        fallbackStreak = fellBack ? fallbackStreak + 1 : 0;
    }

    public synchronized Instant lastSeen() {
        return lastSeen;
    }

    public synchronized void touch(Instant now) {
        lastSeen = now;
    }
}
