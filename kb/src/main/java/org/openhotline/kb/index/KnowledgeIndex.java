package org.openhotline.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.openhotline.kb.model.Entry;

/**
 * One knowledge-base version, indexed and open for search. Immutable; replaced whole when a new
 * version is published. Reference counted so that a swap never closes a reader a query still uses.
 */
public final class KnowledgeIndex {
    private final int version;
    private final Path dir;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, Entry> entries;
    private final AtomicInteger refs = new AtomicInteger(1);

    private KnowledgeIndex(int version, Path dir, Directory directory, DirectoryReader reader, Map<String, Entry> entries) {
        this.version = version;
        this.dir = dir;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.entries = entries;
    }

    /** Opens a finished index directory for {@code entries} (the same version it was built from). */
    public static KnowledgeIndex open(int version, Path dir, List<Entry> entries) throws IOException {
        Directory d = FSDirectory.open(dir);
        try {
            DirectoryReader r = DirectoryReader.open(d);
            Map<String, Entry> byId = new HashMap<>(entries.size() * 2);
            for (Entry e : entries) byId.put(e.id(), e);
            return new KnowledgeIndex(version, dir, d, r, Collections.unmodifiableMap(byId));
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
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

    /** Question text → vector for every indexed question, so the next build can skip re-embedding them. */
    public Map<String, float[]> questionVectors() {
        Map<String, float[]> out = new HashMap<>();
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
                if (values == null) continue;
                var stored = leaf.reader().storedFields();
                KnnVectorValues.DocIndexIterator it = values.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    String text = stored.document(doc).get(IndexFields.TEXT);
                    if (text != null) out.put(text, values.vectorValue(it.index()).clone());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The stored vector of one question document (its global doc id). */
    public float[] vectorOf(int doc) {
        try {
            List<LeafReaderContext> leaves = reader.leaves();
            LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
            KnnVectorValues.DocIndexIterator it = values.iterator();
            int local = doc - leaf.docBase;
            if (it.advance(local) != local) throw new IllegalStateException("document " + doc + " has no vector");
            return values.vectorValue(it.index());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
