package org.openhotline.nlu.lexicon;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps every member of a synonym group to the group's first word, so that 社会保障卡 and 社保卡 index
 * and query as the same term. Canonicalising (rather than expanding) keeps BM25 statistics honest.
 */
public final class SynonymTable {
    private final Map<String, String> canonical = new HashMap<>();

    public SynonymTable(Collection<List<String>> groups) {
        for (List<String> group : groups) {
            if (group.size() < 2) continue;
            String head = group.get(0);
            for (String w : group) canonical.putIfAbsent(w, head);
        }
    }

    /** The group's head for a known synonym, else the word itself. */
    public String canonical(String word) {
        return canonical.getOrDefault(word, word);
    }

    public Set<String> words() {
        return new LinkedHashSet<>(canonical.keySet());
    }

    /** Every known synonym and its head word. */
    public Map<String, String> mapping() {
        return java.util.Collections.unmodifiableMap(canonical);
    }

    public int size() {
        return canonical.size();
    }
}
