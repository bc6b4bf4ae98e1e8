package org.openhotline.kb.workflow;

import java.util.Objects;

/**
 * Who does something in the workflow. Until accounts exist (issue 7) the name and role come from the request,
 * so the rules are enforced on what the caller states; the audit keeps it either way.
 */
public record Actor(String name, Role role) {
    public static final int MAX_NAME = 100;

    public Actor {
        Objects.requireNonNull(role, "role");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a user name is required");
        name = name.strip();
        if (name.length() > MAX_NAME) throw new IllegalArgumentException("a user name is at most " + MAX_NAME + " characters");
    }

    public boolean isReviewer() {
        return role == Role.REVIEWER;
    }
}
