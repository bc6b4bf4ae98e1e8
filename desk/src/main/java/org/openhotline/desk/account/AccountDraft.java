package org.openhotline.desk.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.openhotline.desk.group.GroupCodes;

/**
 * What an admin sets on an account (everything but the password), checked here so the API, the start-up and the
 * tests share one set of rules. Usernames are lower case {@code [a-z0-9._-]}, 2–64 characters.
 */
public record AccountDraft(String username, String displayName, Set<Role> roles, List<String> skillGroups, int maxChats, boolean disabled) {
    public static final int MAX_CHATS_LIMIT = 50;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public AccountDraft {
        username = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw AccountException.invalid("bad_username", "a username is 2–64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (displayName.length() > 100) throw AccountException.invalid("bad_display_name", "a display name is at most 100 characters");
        if (roles == null || roles.isEmpty()) throw AccountException.invalid("no_roles", "a user needs at least one role");
        roles = Set.copyOf(EnumSet.copyOf(roles));
        List<String> groups = new ArrayList<>();
        for (String g : skillGroups == null ? List.<String>of() : skillGroups) {
            String code = g == null ? "" : g.strip();
            if (code.isEmpty()) continue;
            if (!GroupCodes.valid(code)) throw AccountException.invalid("bad_skill_group", GroupCodes.RULE);
            if (!groups.contains(code)) groups.add(code);
        }
        skillGroups = List.copyOf(groups);
        if (maxChats < 0 || maxChats > MAX_CHATS_LIMIT) throw AccountException.invalid("bad_max_chats", "max chats must be from 0 to " + MAX_CHATS_LIMIT);
    }

    /** A draft of an existing account, to change a field or two. */
    public static AccountDraft of(Account a) {
        return new AccountDraft(a.username(), a.displayName(), a.roles(), a.skillGroups(), a.maxChats(), a.disabled());
    }
}
