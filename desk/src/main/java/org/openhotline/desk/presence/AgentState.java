package org.openhotline.desk.presence;

import java.time.Instant;
import java.util.List;

/**
 * An agent as routing and the console see them.
 *
 * @param since       when the presence last changed
 * @param lastEndedAt when the agent's last chat ended or they came online (longest-idle routing), null if never
 * @param wrapUpUntil end of the wrap-up time when WRAP_UP, else null
 */
public record AgentState(String agentId, String displayName, Presence presence, int activeChats, int maxChats, List<String> groups,
                         Instant since, Instant lastEndedAt, Instant wrapUpUntil) {
    public AgentState {
        groups = List.copyOf(groups);
    }
}
