package org.openhotline.telephony.bridge;

import java.util.Optional;

/**
 * Port: the SIP URI that rings an agent now (their registered softphone, or a configured desk phone). The server
 * fills it from accounts, the registrar and {@code telephony.agent-phones}; empty when the agent has no phone.
 */
@FunctionalInterface
public interface AgentPhoneBook {
    Optional<String> uriOf(String agentId);

    /** The agent with this user name (a phone's transfer target, {@code sip:agent2@…}); empty when there is none. */
    default Optional<String> agentOf(String username) {
        return Optional.empty();
    }
}
