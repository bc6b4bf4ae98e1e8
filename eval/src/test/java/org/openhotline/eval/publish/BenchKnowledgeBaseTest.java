package org.openhotline.eval.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.model.Entry;

class BenchKnowledgeBaseTest {
    @TempDir
    Path noDatasets; // the sample base alone, grown by place copies

    @Test
    void theBaseIsDeterministicAndTheChangesTouchExactlyNEntries() throws Exception {
        List<Entry> a = BenchKnowledgeBase.entries(noDatasets, 600);
        assertEquals(a, BenchKnowledgeBase.entries(noDatasets, 600));
        assertEquals(600, a.size());
        assertEquals(600, new HashSet<>(a.stream().map(Entry::id).toList()).size(), "ids are unique");

        List<Entry> b = BenchKnowledgeBase.changed(a, 50);
        assertEquals(a.size(), b.size());
        int changed = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) continue;
            changed++;
            assertEquals(a.get(i).id(), b.get(i).id());
            assertFalse(b.get(i).answer().startsWith(a.get(i).answer().substring(0, 5)), "a new opening: its vector must be computed");
            assertEquals(a.get(i).similar().size() + 1, b.get(i).similar().size());
        }
        assertEquals(50, changed);
        assertTrue(BenchKnowledgeBase.queries(noDatasets, a, 100).size() >= 50, "the entries' questions when no citizen messages are there");
    }
}
