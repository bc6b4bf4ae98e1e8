package org.openhotline.eval.followup;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A two-turn conversation of the follow-up eval: a first question, then a second message whose right
 * answer is {@code expectedIds}. For a follow-up the second message leans on the first ("那报销比例呢");
 * for a control it is a new question on another topic, which the context must not hijack.
 */
public record Dialogue(String cid, Kind kind, String first, Set<String> firstExpected, String followup, Set<String> expectedIds) {
    public enum Kind { FOLLOWUP, CONTROL }

    public Dialogue {
        firstExpected = Collections.unmodifiableSet(new LinkedHashSet<>(firstExpected)); // in the file's order
        expectedIds = Collections.unmodifiableSet(new LinkedHashSet<>(expectedIds));
    }
}
