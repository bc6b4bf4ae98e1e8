package org.openhotline.kb.workflow;

import java.util.List;
import java.util.Set;

/**
 * A saved question the knowledge base must keep answering right: the eval's format
 * {@code {"qid","query","kind","expected_ids"}}, kinds {@code faq}, {@code out_of_scope}, {@code transfer}.
 */
public record TestQuestion(String qid, String query, String kind, List<String> expectedIds) {
    public static final Set<String> KINDS = Set.of("faq", "out_of_scope", "transfer");

    public TestQuestion {
        if (qid == null || qid.isBlank() || qid.length() > 100) throw new IllegalArgumentException("qid must be 1 to 100 characters");
        if (query == null || query.isBlank() || query.length() > 2000) throw new IllegalArgumentException("query must be 1 to 2,000 characters");
        if (kind == null || !KINDS.contains(kind)) throw new IllegalArgumentException("kind must be faq, out_of_scope or transfer");
        expectedIds = List.copyOf(expectedIds == null ? List.of() : expectedIds);
        if (kind.equals("faq") && expectedIds.isEmpty()) throw new IllegalArgumentException("a faq question needs expected_ids");
    }

    public boolean isFaq() {
        return kind.equals("faq");
    }
}
