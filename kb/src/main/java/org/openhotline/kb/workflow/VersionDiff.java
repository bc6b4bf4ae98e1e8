package org.openhotline.kb.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openhotline.kb.model.Entry;

/** What one version changed against another, field by field, so a reviewer reads the diff rather than two lists. */
public record VersionDiff(List<Entry> added, List<Entry> removed, List<EntryDiff> changed) {

    /** One entry present in both versions with other content. Similar questions are listed as added/removed. */
    public record EntryDiff(String entryId, List<String> fields, List<String> similarAdded, List<String> similarRemoved,
                            Map<String, Object[]> values, Entry before, Entry after) {}

    public static VersionDiff between(List<Entry> older, List<Entry> newer) {
        Map<String, Entry> old = new LinkedHashMap<>();
        for (Entry e : older) old.put(e.id(), e);
        List<Entry> added = new ArrayList<>();
        List<EntryDiff> changed = new ArrayList<>();
        for (Entry e : newer) {
            Entry o = old.remove(e.id());
            if (o == null) added.add(e);
            else if (!o.equals(e)) changed.add(diff(o, e));
        }
        return new VersionDiff(added, new ArrayList<>(old.values()), changed);
    }

    static EntryDiff diff(Entry a, Entry b) {
        List<String> fields = new ArrayList<>();
        Map<String, Object[]> values = new LinkedHashMap<>();
        field(fields, values, "question", a.question(), b.question());
        LinkedHashSet<String> plus = new LinkedHashSet<>(b.similar());
        plus.removeAll(a.similar());
        LinkedHashSet<String> minus = new LinkedHashSet<>(a.similar());
        minus.removeAll(b.similar());
        if (!plus.isEmpty() || !minus.isEmpty() || !a.similar().equals(b.similar())) fields.add("similar");
        field(fields, values, "answer", a.answer(), b.answer());
        field(fields, values, "voice_answer", a.voiceAnswer(), b.voiceAnswer());
        field(fields, values, "category", a.category(), b.category());
        field(fields, values, "keywords", a.keywords(), b.keywords());
        field(fields, values, "valid_from", str(a.validFrom()), str(b.validFrom()));
        field(fields, values, "valid_to", str(a.validTo()), str(b.validTo()));
        field(fields, values, "status", a.status().name().toLowerCase(java.util.Locale.ROOT), b.status().name().toLowerCase(java.util.Locale.ROOT));
        return new EntryDiff(a.id(), fields, List.copyOf(plus), List.copyOf(minus), values, a, b);
    }

    private static void field(List<String> fields, Map<String, Object[]> values, String name, Object before, Object after) {
        if (Objects.equals(before, after)) return;
        fields.add(name);
        values.put(name, new Object[] {before, after});
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
