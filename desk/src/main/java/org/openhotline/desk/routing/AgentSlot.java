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
    final boolean phone;
    int load;
    Instant lastAssignedAt;
    boolean onCall;

    /** @param idleSince when the agent's last chat ended, or when they came online if later (longest-idle) */
    public AgentSlot(String agentId, Presence presence, int load, int maxChats, Set<String> groups, Instant idleSince, Instant lastAssignedAt) {
        this(agentId, presence, load, maxChats, groups, idleSince, lastAssignedAt, false, false);
    }

    /**
     * @param phone  the agent's phone can be rung (phone calls are offered to them)
     * @param onCall a phone call is offered to or active with them: they get no other chat until it is over
     */
    public AgentSlot(String agentId, Presence presence, int load, int maxChats, Set<String> groups, Instant idleSince, Instant lastAssignedAt,
                     boolean phone, boolean onCall) {
        this.phone = phone;
        this.onCall = onCall;
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

    /** Takes a chat now: online, under the limit, on no call; for a call also reachable by phone. */
    boolean free(int saturation, boolean voice) {
        return presence.takesChats() && !onCall && load < limit(saturation) && (!voice || phone);
    }

    void assigned(Instant now, boolean voice) {
        load++;
        lastAssignedAt = now;
        if (voice) onCall = true;
    }
}
