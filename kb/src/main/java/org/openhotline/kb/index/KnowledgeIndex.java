package org.openhotline.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.openhotline.kb.model.Entry;
import org.openhotline.nlu.repair.RepairVocabulary;

/**
 * One knowledge-base version, indexed and open for search. Immutable; replaced whole when a new version
 * is published, and reference counted so that a swap never closes a reader a query still uses. Document ids are
 * index-wide: an index updated in place ({@link IndexBuilder#update}) has several segments and deleted documents.
 */
public final class KnowledgeIndex {
    private final int version;
    private final Path dir;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, Entry> entries;
    private final Map<String, int[]> questionDocs;
    private final Map<String, Integer> answerDoc;
    private final String[] entryOfDoc;
    private final Map<String, int[]> ordOfDoc = new HashMap<>();
    private final AtomicInteger refs = new AtomicInteger(1);
    private RepairVocabulary repairVocabulary = RepairVocabulary.empty();
    private IndexAnalysis analysis;

    private KnowledgeIndex(int version, Path dir, Directory directory, DirectoryReader reader, Map<String, Entry> entries) throws IOException {
        this.version = version;
        this.dir = dir;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.entries = entries;
        this.entryOfDoc = new String[reader.maxDoc()];
        Map<String, List<Integer>> qd = new HashMap<>();
        Map<String, Integer> ad = new HashMap<>();
        StoredFields stored = reader.storedFields();
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs(); // an index updated in place has deleted documents: never theirs
            for (int local = 0; local < leaf.reader().maxDoc(); local++) {
                if (live != null && !live.get(local)) continue;
                int doc = leaf.docBase + local;
                var d = stored.document(doc, java.util.Set.of(IndexFields.ENTRY, IndexFields.KIND));
                String id = d.get(IndexFields.ENTRY);
                entryOfDoc[doc] = id;
                if (IndexFields.KIND_ANSWER.equals(d.get(IndexFields.KIND))) ad.put(id, doc);
                else qd.computeIfAbsent(id, k -> new ArrayList<>()).add(doc);
            }
        }
        Map<String, int[]> q = new HashMap<>(qd.size() * 2);
        qd.forEach((k, v) -> q.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.questionDocs = q;
        this.answerDoc = ad;
        for (String field : List.of(IndexFields.VECTOR, IndexFields.ANSWER_VECTOR)) {
            int[] ords = new int[reader.maxDoc()];
            java.util.Arrays.fill(ords, -1);
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
                if (values == null) continue;
                KnowledgeIndex.VectorView.fill(values, leaf.docBase, ords);
            }
            ordOfDoc.put(field, ords);
        }
    }

    /** Opens a finished index directory for {@code entries} (the same version it was built from). */
    public static KnowledgeIndex open(int version, Path dir, List<Entry> entries, RepairVocabulary vocabulary) throws IOException {
        KnowledgeIndex idx = open(version, dir, entries);
        idx.repairVocabulary = vocabulary;
        return idx;
    }

    /** Opens a finished index directory for {@code entries}, without a speech-repair vocabulary. */
    public static KnowledgeIndex open(int version, Path dir, List<Entry> entries) throws IOException {
        // preloaded: a question's first touch of a term or vector must not wait on a page fault
        org.apache.lucene.store.MMapDirectory d = new org.apache.lucene.store.MMapDirectory(dir);
        d.setPreload((name, context) -> true);
        try {
            DirectoryReader r = DirectoryReader.open(d);
            try {
                Map<String, Entry> byId = new HashMap<>(entries.size() * 2);
                for (Entry e : entries) byId.put(e.id(), e);
                return new KnowledgeIndex(version, dir, d, r, Collections.unmodifiableMap(byId));
            } catch (IOException | RuntimeException e) {
                r.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** Opens a finished index directory built with {@code analysis}, which its queries must then be analysed with. */
    public static KnowledgeIndex open(int version, Path dir, List<Entry> entries, RepairVocabulary vocabulary, IndexAnalysis analysis) throws IOException {
        KnowledgeIndex idx = open(version, dir, entries, vocabulary);
        idx.analysis = analysis;
        return idx;
    }

    /**
     * The analysis this index was built with (its version's dictionaries), so queries are analysed the same
     * way; null when it was opened without one (the searcher's own analysis applies).
     */
    public IndexAnalysis analysis() {
        return analysis;
    }

    /** This version's words by sound, for repairing speech-recognition errors before search. */
    public RepairVocabulary repairVocabulary() {
        return repairVocabulary;
    }

    public int version() {
        return version;
    }

    public Path dir() {
        return dir;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public Entry entry(String id) {
        return entries.get(id);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** The entry a document belongs to (question or answer document). */
    public String entryOf(int doc) {
        return entryOfDoc[doc];
    }

    /** Question documents of an entry; empty for an unknown id. */
    public int[] questionDocs(String entryId) {
        return questionDocs.getOrDefault(entryId, new int[0]);
    }

    /** The answer document of an entry, or -1. */
    public int answerDoc(String entryId) {
        return answerDoc.getOrDefault(entryId, -1);
    }

    /** A view of a vector field for one query; views are cheap and not shared between threads. */
    public VectorView vectors(String field) {
        try {
            List<LeafReaderContext> leaves = reader.leaves();
            FloatVectorValues[] values = new FloatVectorValues[leaves.size()];
            for (int i = 0; i < values.length; i++) {
                FloatVectorValues v = leaves.get(i).reader().getFloatVectorValues(field);
                values[i] = v == null ? null : v.copy();
            }
            return new VectorView(leaves, values, ordOfDoc.getOrDefault(field, new int[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Random access to the vectors of one field by (index-wide) document id, over every segment. */
    public static final class VectorView {
        private final List<LeafReaderContext> leaves;
        private final FloatVectorValues[] values;
        private final int[] ordOfDoc;

        VectorView(List<LeafReaderContext> leaves, FloatVectorValues[] values, int[] ordOfDoc) {
            this.leaves = leaves;
            this.values = values;
            this.ordOfDoc = ordOfDoc;
        }

        /** Records, for each document of one segment with a vector, its ordinal within that segment. */
        static void fill(FloatVectorValues values, int docBase, int[] ords) throws IOException {
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) ords[docBase + doc] = it.index();
        }

        /** The vector of {@code doc}, or null if it has none in this field. */
        public float[] get(int doc) {
            if (doc < 0 || doc >= ordOfDoc.length || ordOfDoc[doc] < 0) return null;
            FloatVectorValues v = values[ReaderUtil.subIndex(doc, leaves)];
            if (v == null) return null;
            try {
                return v.vectorValue(ordOfDoc[doc]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Normalised text → vector for every embedded text, so the next build can skip re-embedding them. */
    public Map<String, float[]> storedVectors() {
        Map<String, float[]> out = new HashMap<>();
        try {
            StoredFields stored = reader.storedFields();
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (String field : List.of(IndexFields.VECTOR, IndexFields.ANSWER_VECTOR)) {
                    FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
                    if (values == null) continue;
                    KnnVectorValues.DocIndexIterator it = values.iterator();
                    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                        if (live != null && !live.get(doc)) continue;
                        String text = stored.document(leaf.docBase + doc, java.util.Set.of(IndexFields.TEXT)).get(IndexFields.TEXT);
                        if (text != null) out.put(text, values.vectorValue(it.index()).clone());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Takes a reference for the duration of a query; false if the index is already closed. */
    public boolean acquire() {
        while (true) {
            int n = refs.get();
            if (n <= 0) return false;
            if (refs.compareAndSet(n, n + 1)) return true;
        }
    }

    public void release() {
        if (refs.decrementAndGet() == 0) {
            try {
                reader.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public int documentCount() {
        return reader.numDocs();
    }
}
