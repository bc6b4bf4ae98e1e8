package org.openhotline.bot.hot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.model.Entry;

/**
 * The questions offered when the bot cannot help: the editors' pinned ones first, then one standard
 * question from each top-level category so that a citizen always sees a way forward.
 */
public final class HotQuestions {
    private final List<String> pinned;
    /** One standard question per category of the last index seen: computed once per version, not per fallback. */
    private volatile PerCategory perCategory;

    private record PerCategory(KnowledgeIndex index, List<Entry> firsts) {}

    public HotQuestions(List<String> pinnedEntryIds) {
        this.pinned = List.copyOf(pinnedEntryIds);
    }

    private List<Entry> firstsPerCategory(KnowledgeIndex index) {
        PerCategory cached = perCategory;
        if (cached != null && cached.index() == index) return cached.firsts();
        Map<String, Entry> first = new LinkedHashMap<>();
        index.entries().values().stream()
                .sorted(java.util.Comparator.comparing(Entry::id))
                .forEach(e -> first.putIfAbsent(e.topCategory(), e));
        List<Entry> firsts = List.copyOf(first.values());
        perCategory = new PerCategory(index, firsts);
        return firsts;
    }

    public List<Entry> top(KnowledgeIndex index, int n, LocalDate today) {
        List<Entry> out = new ArrayList<>();
        for (String id : pinned) {
            Entry e = index.entry(id);
            if (e != null && e.isAnswerable(today) && out.size() < n) out.add(e);
        }
        if (out.size() >= n) return out;
        for (Entry e : firstsPerCategory(index)) {
            if (out.size() >= n) break;
            if (e.isAnswerable(today) && !out.contains(e)) out.add(e);
        }
        return out;
    }
}
