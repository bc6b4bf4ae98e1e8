package org.openhotline.telephony.bridge;

import java.util.Optional;

/**
 * The port through which a transfer finds a person's phone: a free agent of a skill group, reserved until
 * released. Configured SIP URIs for now; the agent desk (presence, queue, routing) will implement it later.
 */
public interface AgentPhones {
    record AgentPhone(String agentId, String sipUri) {}

    /** A free agent of the group, now marked busy; empty when everyone is busy or the group has no phones. */
    Optional<AgentPhone> reserve(String skillGroup);

    /** The agent is free again (the call ended, or they did not answer). */
    void release(AgentPhone phone);

    /** The group leader's phone, for a three-way call; empty when none is configured. */
    Optional<AgentPhone> leader(String skillGroup);
}
