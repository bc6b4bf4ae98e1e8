package org.openhotline.kb.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openhotline.kb.model.Entry;

/**
 * What a new version changes against a built index: entries that are new or differ, and ids the index has that the
 * version lacks. Worked out once per publish: the manager decides update-or-rebuild by its size and the builder
 * writes exactly these (comparing 20,000 entries twice was half of a small publish's bookkeeping).
 */
public record IndexDiff(List<Entry> changed, List<String> gone) {
    public IndexDiff {
        changed = List.copyOf(changed);
        gone = List.copyOf(gone);
    }

    public static IndexDiff between(KnowledgeIndex base, List<Entry> entries) {
        Set<String> ids = new HashSet<>();
        List<Entry> changed = new ArrayList<>();
        for (Entry e : entries) {
            ids.add(e.id());
            if (!e.equals(base.entry(e.id()))) changed.add(e);
        }
        List<String> gone = new ArrayList<>();
        for (String id : base.entries().keySet()) if (!ids.contains(id)) gone.add(id);
        return new IndexDiff(changed, gone);
    }

    /** Entries touched: changed plus gone. */
    public int size() {
        return changed.size() + gone.size();
    }
}
