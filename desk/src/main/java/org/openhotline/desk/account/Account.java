package org.openhotline.desk.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in: agents, leaders, editors, reviewers, supervisors, admins. Never carries the password hash,
 * so an account can be handed to any layer (and serialised to the browser) without leaking it.
 *
 * @param skillGroups codes of the skill groups the person serves (the groups themselves are the desk's)
 * @param maxChats    how many chats the router may give this agent at once
 * @param mustChangePassword set for a generated or reset password: every API but the password change refuses until it is changed
 */
public record Account(long id, String username, String displayName, Set<Role> roles, List<String> skillGroups, int maxChats,
                      boolean disabled, boolean mustChangePassword, Instant createdAt, Instant updatedAt) {
    public Account {
        Objects.requireNonNull(username, "username");
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        skillGroups = List.copyOf(skillGroups);
    }

    /** True when the account holds any of {@code anyOf}, or is an {@link Role#ADMIN}; no roles given means "signed in" is enough. */
    public boolean has(Role... anyOf) {
        if (anyOf.length == 0 || roles.contains(Role.ADMIN)) return true;
        for (Role r : anyOf) if (roles.contains(r)) return true;
        return false;
    }
}
