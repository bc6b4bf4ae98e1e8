package org.openhotline.telephony.bridge;

import java.util.Optional;

/**
 * Port: the SIP URI that rings an agent now (their registered softphone, or a configured desk phone). The server
 * fills it from accounts, the registrar and {@code telephony.agent-phones}; empty when the agent has no phone.
 */
@FunctionalInterface
public interface AgentPhoneBook {
    Optional<String> uriOf(String agentId);
}
