package org.openhotline.kb.workflow;

import java.util.Locale;

/** What a person may do in the editors' workflow: editors draft changes, reviewers (the bureau's confirmation role) approve and publish. */
public enum Role {
    EDITOR,
    REVIEWER;

    /** Reads {@code editor} / {@code reviewer}; anything else is an {@link IllegalArgumentException}. */
    public static Role parse(String s) {
        if (s == null) throw new IllegalArgumentException("a role is required: editor or reviewer");
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "editor" -> EDITOR;
            case "reviewer" -> REVIEWER;
            default -> throw new IllegalArgumentException("role must be editor or reviewer");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
