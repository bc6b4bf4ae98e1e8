package org.openhotline.desk.routing;

import java.time.Instant;
import java.util.Set;

/**
 * A queued chat as routing sees it.
 *
 * @param preferredAgent the agent this citizen last talked to (sticky), or null
 * @param declined       agents who declined it or let its offer expire: tried last
 */
public record WaitingChat(String chatId, String sessionId, String group, int priority, Instant queuedAt, String preferredAgent,
                          Set<String> declined) {
    public WaitingChat {
        declined = declined == null ? Set.of() : Set.copyOf(declined);
    }
}
