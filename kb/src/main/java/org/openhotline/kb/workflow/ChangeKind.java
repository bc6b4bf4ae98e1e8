package org.openhotline.kb.workflow;

import java.util.Locale;

/** What a change does to one entry. */
public enum ChangeKind {
    CREATE, EDIT, DELETE;

    public static ChangeKind parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("kind must be create, edit or delete");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
