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
import org.apache.lucene.index.LeafReader;
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
 * is published, and reference counted so that a swap never closes a reader a query still uses. The
 * index is merged to one segment at build time, so document ids index the vector arrays directly.
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
        if (reader.leaves().size() > 1) throw new IllegalStateException("index " + dir + " is not merged to one segment");
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
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            var d = stored.document(doc, java.util.Set.of(IndexFields.ENTRY, IndexFields.KIND));
            String id = d.get(IndexFields.ENTRY);
            entryOfDoc[doc] = id;
            if (IndexFields.KIND_ANSWER.equals(d.get(IndexFields.KIND))) ad.put(id, doc);
            else qd.computeIfAbsent(id, k -> new ArrayList<>()).add(doc);
        }
        Map<String, int[]> q = new HashMap<>(qd.size() * 2);
        qd.forEach((k, v) -> q.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.questionDocs = q;
        this.answerDoc = ad;
        LeafReader leaf = reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader();
        for (String field : List.of(IndexFields.VECTOR, IndexFields.ANSWER_VECTOR)) {
            int[] ords = new int[reader.maxDoc()];
            java.util.Arrays.fill(ords, -1);
            FloatVectorValues values = leaf == null ? null : leaf.getFloatVectorValues(field);
            if (values != null) {
                KnnVectorValues.DocIndexIterator it = values.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) ords[doc] = it.index();
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
            FloatVectorValues values = reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader().getFloatVectorValues(field);
            return new VectorView(values == null ? null : values.copy(), ordOfDoc.getOrDefault(field, new int[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Random access to the vectors of one field by document id. */
    public static final class VectorView {
        private final FloatVectorValues values;
        private final int[] ordOfDoc;

        VectorView(FloatVectorValues values, int[] ordOfDoc) {
            this.values = values;
            this.ordOfDoc = ordOfDoc;
        }

        /** The vector of {@code doc}, or null if it has none in this field. */
        public float[] get(int doc) {
            if (values == null || doc < 0 || doc >= ordOfDoc.length || ordOfDoc[doc] < 0) return null;
            try {
                return values.vectorValue(ordOfDoc[doc]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Normalised text → vector for every embedded text, so the next build can skip re-embedding them. */
    public Map<String, float[]> storedVectors() {
        Map<String, float[]> out = new HashMap<>();
        if (reader.leaves().isEmpty()) return out; // an index of no entries (all disabled) has no segment
        StoredFields stored;
        try {
            stored = reader.storedFields();
            for (String field : List.of(IndexFields.VECTOR, IndexFields.ANSWER_VECTOR)) {
                FloatVectorValues values = reader.leaves().get(0).reader().getFloatVectorValues(field);
                if (values == null) continue;
                KnnVectorValues.DocIndexIterator it = values.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    String text = stored.document(doc, java.util.Set.of(IndexFields.TEXT)).get(IndexFields.TEXT);
                    if (text != null) out.put(text, values.vectorValue(it.index()).clone());
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
