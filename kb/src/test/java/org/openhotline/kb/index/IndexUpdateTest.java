package org.openhotline.kb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

/** An index updated in place holds exactly what a build from scratch of the same version holds, and its parent is untouched. */
class IndexUpdateTest {
    @TempDir
    Path root;

    /** V2 of IndexManagerTest, plus: "card" disabled, "fund" gone. */
    static final List<Entry> V3 = List.of(
            new Entry("card", "社保", "社保卡丢了怎么补办", List.of("社保卡遗失了怎么办"), "携带身份证到网点补办。", null, List.of(), null, null, EntryStatus.DISABLED),
            IndexManagerTest.V2.get(2), IndexManagerTest.V2.get(3),
            Entry.of("pension", "社保", "养老金怎么领取", List.of("退休金在哪领"), "退休后按月发放到社保卡。"));

    /** Every live document as entry/kind/text → its vector (question or answer field). */
    static Map<String, float[]> contents(KnowledgeIndex idx) throws Exception {
        Map<String, float[]> out = new TreeMap<>();
        var q = idx.vectors(IndexFields.VECTOR);
        var a = idx.vectors(IndexFields.ANSWER_VECTOR);
        for (String id : idx.entries().keySet()) {
            for (int doc : idx.questionDocs(id)) out.put(id + "/q/" + text(idx, doc), q.get(doc).clone());
            int ans = idx.answerDoc(id);
            if (ans >= 0) out.put(id + "/a/" + text(idx, ans), a.get(ans).clone());
        }
        return out;
    }

    static String text(KnowledgeIndex idx, int doc) throws Exception {
        return idx.searcher().storedFields().document(doc).get(IndexFields.TEXT);
    }

    @Test
    void anUpdateEqualsAFullBuildAndLeavesItsBaseAlone() throws Exception {
        IndexManagerTest.CountingEmbedder embedder = new IndexManagerTest.CountingEmbedder("fake");
        IndexBuilder builder = new IndexBuilder(IndexAnalysis.bundled(), embedder);
        builder.build(root.resolve("v1"), IndexManagerTest.V1, Map.of(), ProgressListener.NONE);
        KnowledgeIndex v1 = KnowledgeIndex.open(1, root.resolve("v1"), IndexManagerTest.V1);
        Map<String, float[]> before = contents(v1);

        List<KnowledgeIndex> opened = new ArrayList<>(List.of(v1));
        try {
            KnowledgeIndex base = v1;
            int version = 1;
            for (List<Entry> next : List.of(IndexManagerTest.V2, V3)) {
                version++;
                int embeddedBefore = embedder.embedded.get();
                KnowledgeIndex parent = base;
                IndexBuilder.Report r = builder.update(root.resolve("u" + version), base, next, base.storedVectors(), ProgressListener.NONE);
                KnowledgeIndex updated = KnowledgeIndex.open(version, root.resolve("u" + version), next);
                opened.add(updated);
                builder.build(root.resolve("f" + version), next, Map.of(), ProgressListener.NONE);
                KnowledgeIndex full = KnowledgeIndex.open(version, root.resolve("f" + version), next);
                opened.add(full);
                Map<String, float[]> want = contents(full), got = contents(updated);
                assertEquals(want.keySet(), got.keySet());
                for (String k : want.keySet()) assertArrayEquals(want.get(k), got.get(k), k);
                assertEquals(r.embedded(), embedder.embedded.get() - embeddedBefore - IndexManagerTest.texts(
                        next.stream().filter(e -> e.status() == EntryStatus.PUBLISHED).toList()), "only changed texts are embedded anew");
                assertEquals(full.documentCount(), updated.documentCount());
                assertEquals(full.documentCount() - IndexManagerTest.documents(next.stream()
                        .filter(e -> e.status() == EntryStatus.PUBLISHED && !e.equals(parent.entry(e.id()))).toList()), r.keptDocuments());
                base = updated;
            }
            KnowledgeIndex v3 = opened.get(opened.size() - 2);
            assertEquals(0, v3.questionDocs("fund").length, "an entry that left has no documents");
            assertEquals(-1, v3.answerDoc("fund"));
            assertEquals(0, v3.questionDocs("card").length, "a disabled entry has no documents");
            assertEquals(3, v3.searcher().count(new TermQuery(new Term(IndexFields.ENTRY, "pension"))));
            // the base index still holds its own version
            Map<String, float[]> after = contents(v1);
            assertEquals(before.keySet(), after.keySet());
        } finally {
            opened.forEach(KnowledgeIndex::release);
        }
    }

    @Test
    void theDiffNamesChangedNewAndDisabledEntriesAndThoseThatLeft() throws Exception {
        IndexBuilder builder = new IndexBuilder(IndexAnalysis.bundled(), new IndexManagerTest.CountingEmbedder("fake"));
        builder.build(root.resolve("v2"), IndexManagerTest.V2, Map.of(), ProgressListener.NONE);
        KnowledgeIndex v2 = KnowledgeIndex.open(2, root.resolve("v2"), IndexManagerTest.V2);
        try {
            IndexDiff diff = IndexDiff.between(v2, V3);
            assertEquals(List.of("card", "pension"), diff.changed().stream().map(Entry::id).toList());
            assertEquals(List.of("fund"), diff.gone());
            assertEquals(3, diff.size());
            assertEquals(0, IndexDiff.between(v2, IndexManagerTest.V2).size());
        } finally {
            v2.release();
        }
    }
}
