package org.openhotline.desk.presence;

import java.util.Optional;

/** Port: the agent profiles, filled by the server from desk-auth's accounts (tests use a map). */
@FunctionalInterface
public interface AgentDirectory {
    Optional<AgentProfile> find(String agentId);
}
