package org.openhotline.desk.history;

import java.time.Instant;
import java.util.List;

/**
 * An earlier conversation of the same citizen, for the agent: a bot session from the message log, or a chat
 * with people (then {@code chatId} and {@code agentId} are set).
 */
public record PastConversation(String sessionId, String chatId, String channel, String agentId, Instant startedAt, List<Line> lines) {
    public PastConversation {
        lines = List.copyOf(lines);
    }

    /** One message: who ("citizen", "bot", "agent"), when, what. */
    public record Line(String who, Instant at, String text) {}
}
