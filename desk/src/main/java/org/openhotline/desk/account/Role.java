package org.openhotline.desk.account;

import java.util.Locale;

/**
 * What a person may do. A user holds one or more; {@link #ADMIN} may do everything (see {@link Account#has}).
 * On the wire and in the database a role is its enum name ({@code AGENT}, {@code GROUP_LEADER} …).
 */
public enum Role {
    /** Takes chats and calls in the agent console. */
    AGENT,
    /** An agent who also watches and helps the agents of their skill groups (invited into chats, sees the queue). */
    GROUP_LEADER,
    /** Drafts knowledge-base changes (issue 9). */
    EDITOR,
    /** The bureau's confirmation role of issue 9: approves and publishes editors' changes. */
    REVIEWER,
    /** Reads reports, transcripts and the live state of every group. */
    SUPERVISOR,
    /** Manages accounts, skill groups and settings; passes every role check. */
    ADMIN;

    /** Reads a role by its name, any case, {@code -} or {@code _}; anything else is an {@link IllegalArgumentException}. */
    public static Role parse(String s) {
        if (s == null || s.isBlank()) throw new IllegalArgumentException("a role is required");
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + (s.length() > 30 ? s.substring(0, 30) + "…" : s) + "'; roles: "
                    + java.util.Arrays.toString(values()));
        }
    }
}
