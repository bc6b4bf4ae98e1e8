package org.openhotline.bot.log;

import java.time.Instant;

/**
 * One message as the log keeps it. Inbound rows carry the NLU result (JSON, personal data masked); outbound
 * rows carry what answered and how sure it was.
 *
 * @param direction "in" or "out"
 */
public record LoggedMessage(long id, String sessionId, String channel, String direction, Instant at, String body,
                            String replyType, String act, String entryId, String flowId, Double confidence,
                            String reason, String nlu, Integer latencyMs) {

    public static LoggedMessage in(String sessionId, String channel, Instant at, String body, String nlu) {
        return new LoggedMessage(0, sessionId, channel, "in", at, body, null, null, null, null, null, null, nlu, null);
    }

    public boolean inbound() {
        return "in".equals(direction);
    }
}
