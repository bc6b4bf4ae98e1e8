package org.openhotline.desk.routing;

import java.time.Instant;
import java.util.Set;
import org.openhotline.desk.presence.Presence;

/**
 * An agent as one routing pass sees them. Mutable on purpose: a pass that assigns several chats counts each
 * assignment here at once, so the next decision of the same pass sees the new load.
 */
public final class AgentSlot {
    final String agentId;
    final Presence presence;
    final int maxChats;
    final Set<String> groups;
    final Instant idleSince;
    int load;
    Instant lastAssignedAt;

    /** @param idleSince when the agent's last chat ended, or when they came online if later (longest-idle) */
    public AgentSlot(String agentId, Presence presence, int load, int maxChats, Set<String> groups, Instant idleSince, Instant lastAssignedAt) {
        this.agentId = agentId;
        this.presence = presence;
        this.load = load;
        this.maxChats = maxChats;
        this.groups = Set.copyOf(groups);
        this.idleSince = idleSince == null ? Instant.EPOCH : idleSince;
        this.lastAssignedAt = lastAssignedAt;
    }

    public String agentId() {
        return agentId;
    }

    public int load() {
        return load;
    }

    /** The most chats this agent may have in {@code saturation}'s group (0 = the agent's own maximum). */
    int limit(int saturation) {
        return saturation > 0 ? Math.min(maxChats, saturation) : maxChats;
    }

    boolean free(int saturation) {
        return presence.takesChats() && load < limit(saturation);
    }

    void assigned(Instant now) {
        load++;
        lastAssignedAt = now;
    }
}
