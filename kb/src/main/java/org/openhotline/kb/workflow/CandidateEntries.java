package org.openhotline.kb.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.kb.model.Entry;

/** The entries a version would have with some changes applied to the current ones: what is published and what the gate tests. */
public final class CandidateEntries {
    private CandidateEntries() {}

    public static List<Entry> apply(List<Entry> current, List<Change> changes) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry e : current) byId.put(e.id(), e);
        for (Change c : changes) {
            switch (c.kind()) {
                case CREATE, EDIT -> byId.put(c.entryId(), c.after());
                case DELETE -> byId.remove(c.entryId());
            }
        }
        return new ArrayList<>(byId.values());
    }
}
