package org.openhotline.kb.workflow;

import java.util.Locale;

/** Where a change is: a draft waits for review; approved ones wait to be published together. */
public enum ChangeStatus {
    DRAFT, APPROVED, REJECTED, PUBLISHED, WITHDRAWN;

    /** Still going somewhere: a second change to the same entry would race it. */
    public boolean isOpen() {
        return this == DRAFT || this == APPROVED;
    }

    public static ChangeStatus parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("status must be draft, approved, rejected, published or withdrawn");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
