package org.openhotline.desk.presence;

/**
 * Port: whether an agent's phone can be rung now (a registered softphone or a configured SIP URI). The desk offers
 * phone calls (chats of channel {@code voice}) only to agents it reaches; the server fills it from the telephony
 * settings. Called once per agent and routing pass, so it must be a quick in-memory look-up.
 */
@FunctionalInterface
public interface PhoneReach {
    boolean reachable(String agentId);

    /** No phones at all: voice chats wait for an agent to take them from the queue by hand. */
    PhoneReach NOBODY = agentId -> false;
}
