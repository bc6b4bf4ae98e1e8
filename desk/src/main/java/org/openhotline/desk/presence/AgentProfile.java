package org.openhotline.desk.presence;

import java.util.List;

/**
 * What the desk needs to know of an agent account (the accounts themselves are desk-auth's): who, which skill
 * groups, how many chats at once, and whether they may be invited as a group leader.
 */
public record AgentProfile(String agentId, String displayName, List<String> groups, int maxChats, boolean leader) {
    public AgentProfile {
        groups = List.copyOf(groups);
        if (maxChats < 1) throw new IllegalArgumentException("max chats must be at least 1");
    }
}
