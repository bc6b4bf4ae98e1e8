package org.openhotline.desk.satisfaction;

import java.time.Instant;
import java.util.List;

/** A citizen's rating of one chat, stored with the agent who had it. */
public record Rating(String chatId, String sessionId, String agentId, String skillGroup, String channel, SatisfactionLevel level,
                     List<String> tags, String comment, Instant at) {
    public Rating {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
