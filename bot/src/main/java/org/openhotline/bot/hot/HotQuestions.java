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

    public HotQuestions(List<String> pinnedEntryIds) {
        this.pinned = List.copyOf(pinnedEntryIds);
    }

    public List<Entry> top(KnowledgeIndex index, int n, LocalDate today) {
        List<Entry> out = new ArrayList<>();
        for (String id : pinned) {
            Entry e = index.entry(id);
            if (e != null && e.isAnswerable(today) && out.size() < n) out.add(e);
        }
        if (out.size() >= n) return out;
        Map<String, Entry> firstPerCategory = new LinkedHashMap<>();
        index.entries().values().stream()
                .filter(e -> e.isAnswerable(today))
                .sorted(java.util.Comparator.comparing(Entry::id))
                .forEach(e -> firstPerCategory.putIfAbsent(e.topCategory(), e));
        for (Entry e : firstPerCategory.values()) {
            if (out.size() >= n) break;
            if (!out.contains(e)) out.add(e);
        }
        return out;
    }
}
