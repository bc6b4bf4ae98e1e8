package org.openhotline.server.desk;

import java.util.List;
import java.util.Optional;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;
import org.openhotline.desk.presence.AgentProfile;

/**
 * The accounts as the desk's HTTP layer needs them: names for ids, and who may take chats. The server fills it from
 * desk-auth's account store; tests give a list. Agent ids on the desk are account ids as strings.
 */
public interface People {
    Optional<Account> find(String agentId);

    /** Every enabled account that may take chats (agents, group leaders, admins), for transfer and invite lists. */
    List<Account> agents();

    /** The desk's view of an account (null when it may not take chats). */
    static AgentProfile profile(Account a) {
        if (a.disabled() || !a.has(Role.AGENT, Role.GROUP_LEADER)) return null;
        return new AgentProfile(String.valueOf(a.id()), a.displayName(), a.skillGroups(), Math.max(1, a.maxChats()),
                a.roles().contains(Role.GROUP_LEADER) || a.roles().contains(Role.ADMIN));
    }

    default String nameOf(String agentId) {
        return agentId == null ? null : find(agentId).map(Account::displayName).orElse(agentId);
    }

    static String idOf(Account a) {
        return String.valueOf(a.id());
    }
}
