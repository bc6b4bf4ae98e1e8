package org.openhotline.kb.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;
import org.openhotline.nlu.embed.SentenceEmbedder;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * Writes one knowledge-base version into a fresh directory: a document per question (words, pinyin,
 * vector) and one per answer (words, vector of its opening). The directory is complete only when its
 * {@value #READY} marker exists; a crash mid-build leaves no marker and the build is simply redone.
 */
public final class IndexBuilder {
    public static final String READY = "READY";
    private static final int EMBED_CHUNK = 256;

    private final IndexAnalysis analysis;
    private final SentenceEmbedder embedder;
    private final TextNormalizer answerNormalizer;

    public IndexBuilder(IndexAnalysis analysis, SentenceEmbedder embedder) {
        this.analysis = analysis;
        this.embedder = embedder;
        this.answerNormalizer = new TextNormalizer(20_000, analysis.normalizer().typos());
    }

    /** A builder with the same embedder and another analysis: a version indexed with its own dictionaries. */
    public IndexBuilder withAnalysis(IndexAnalysis other) {
        return other == analysis ? this : new IndexBuilder(other, embedder);
    }

    public IndexAnalysis analysis() {
        return analysis;
    }

    /** The part of an answer that is embedded, normalised; also the key under which its vector is reused. */
    public String answerEmbeddingText(Entry e) {
        String a = answerNormalizer.normalize(e.answer()).normalized();
        return a.length() > IndexFields.ANSWER_EMBED_CHARS ? a.substring(0, IndexFields.ANSWER_EMBED_CHARS) : a;
    }

    /**
     * What one build did: distinct texts of the entries it wrote, how many of them were embedded anew (the rest reused
     * from the previous index), and its time; an update also says how many documents of unchanged entries it kept as
     * they were (vectors and graph included).
     */
    public record Report(int entries, int texts, int embedded, long embedMillis, long millis, int keptDocuments) {
        public Report(int entries, int texts, int embedded, long embedMillis, long millis) {
            this(entries, texts, embedded, embedMillis, millis, 0);
        }

        public int reused() {
            return texts - embedded;
        }
    }

    /**
     * @param reuse vectors already computed (from the previous index), keyed by the normalised text embedded
     * @return how many texts had to be embedded anew
     */
    public int build(Path dir, List<Entry> entries, Map<String, float[]> reuse, ProgressListener progress) throws IOException {
        return buildReport(dir, entries, reuse, progress).embedded();
    }

    /** {@link #build}, saying how many vectors were computed and how many reused. */
    public Report buildReport(Path dir, List<Entry> entries, Map<String, float[]> reuse, ProgressListener progress) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(READY));
        List<Entry> live = entries.stream().filter(e -> e.status() == EntryStatus.PUBLISHED).toList();
        Vectors v = vectorsFor(live, reuse, progress);
        long embedMillis = (System.nanoTime() - t0) / 1_000_000;
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, writerConfig(IndexWriterConfig.OpenMode.CREATE))) {
            int n = 0;
            for (Entry e : live) {
                addEntry(w, e, v.vectors());
                if (++n % 1000 == 0) progress.progress("indexing entries", n, live.size());
            }
            w.forceMerge(1);
            w.commit();
        }
        progress.progress("indexing entries", live.size(), live.size());
        Files.writeString(dir.resolve(READY), readyMarker() + live.size() + "\n", StandardCharsets.UTF_8);
        return new Report(live.size(), v.vectors().size(), v.embedded(), embedMillis, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Writes {@code entries} into {@code dir} as an update of {@code base} (a finished index of this builder's model
     * and analysis): {@code base}'s files are linked, not copied (Lucene never rewrites a file), the documents of
     * entries that changed or left are deleted and the changed ones added as a new segment. Unchanged entries keep
     * their documents and their part of the vector graphs, so a publish of a few hundred changes costs those changes,
     * not the whole base. Until its segments are merged, deleted documents still count in BM25's term statistics.
     */
    public Report update(Path dir, KnowledgeIndex base, List<Entry> entries, Map<String, float[]> reuse, ProgressListener progress) throws IOException {
        return update(dir, base, entries, IndexDiff.between(base, entries), reuse, progress);
    }

    /** {@link #update(Path, KnowledgeIndex, List, Map, ProgressListener)} with the diff already worked out by the caller. */
    public Report update(Path dir, KnowledgeIndex base, List<Entry> entries, IndexDiff diff, Map<String, float[]> reuse, ProgressListener progress)
            throws IOException {
        if (!isReady(base.dir())) throw new IllegalArgumentException(base.dir() + " was built with another model or analysis");
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(READY));
        try (var files = Files.list(base.dir())) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.equals(READY) || name.equals(IndexWriter.WRITE_LOCK_NAME) || !Files.isRegularFile(f)) continue;
                Path to = dir.resolve(name);
                Files.deleteIfExists(to);
                try {
                    Files.createLink(to, f);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(f, to); // another file system, or no hard links: a copy is the same bytes
                }
            }
        }
        List<String> gone = diff.gone();
        List<Entry> changed = diff.changed();
        List<Entry> added = changed.stream().filter(e -> e.status() == EntryStatus.PUBLISHED).toList();
        Vectors v = vectorsFor(added, reuse, progress);
        long embedMillis = (System.nanoTime() - t0) / 1_000_000;
        int dropped = 0;
        for (String id : gone) dropped += base.questionDocs(id).length + (base.answerDoc(id) >= 0 ? 1 : 0);
        for (Entry e : changed) dropped += base.questionDocs(e.id()).length + (base.answerDoc(e.id()) >= 0 ? 1 : 0);
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, writerConfig(IndexWriterConfig.OpenMode.APPEND))) {
            for (String id : gone) w.deleteDocuments(new Term(IndexFields.ENTRY, id));
            for (Entry e : changed) w.deleteDocuments(new Term(IndexFields.ENTRY, e.id()));
            for (Entry e : added) addEntry(w, e, v.vectors());
            w.commit();
        }
        long live = entries.stream().filter(e -> e.status() == EntryStatus.PUBLISHED).count();
        progress.progress("indexing entries", added.size(), added.size());
        Files.writeString(dir.resolve(READY), readyMarker() + live + "\n", StandardCharsets.UTF_8);
        return new Report((int) live, v.vectors().size(), v.embedded(), embedMillis, (System.nanoTime() - t0) / 1_000_000,
                base.documentCount() - dropped);
    }

    private IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analysis.analyzer()).setOpenMode(mode).setSimilarity(new BM25Similarity()).setRAMBufferSizeMB(64);
    }

    /** Vectors by normalised text for every text of {@code live}: reused where {@code reuse} has them, else embedded. */
    private record Vectors(Map<String, float[]> vectors, int embedded) {}

    private Vectors vectorsFor(List<Entry> live, Map<String, float[]> reuse, ProgressListener progress) {
        Map<String, float[]> vectors = new HashMap<>();
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        for (Entry e : live) {
            List<String> texts = new ArrayList<>();
            for (String q : e.allQuestions()) texts.add(analysis.normalizer().normalize(q).normalized());
            texts.add(answerEmbeddingText(e));
            for (String n : texts) {
                float[] v = reuse.get(n);
                if (v != null && v.length == embedder.dimension()) vectors.put(n, v);
                else missing.add(n);
            }
        }
        List<String> todo = new ArrayList<>(missing);
        for (int from = 0; from < todo.size(); from += EMBED_CHUNK) {
            List<String> chunk = todo.subList(from, Math.min(todo.size(), from + EMBED_CHUNK));
            List<float[]> vs = embedder.embedAll(chunk);
            for (int i = 0; i < chunk.size(); i++) vectors.put(chunk.get(i), vs.get(i));
            progress.progress("embedding questions and answers", from + chunk.size(), todo.size());
        }
        return new Vectors(vectors, todo.size());
    }

    /** One document per question (words, pinyin, vector) and one for the answer (words, vector of its opening). */
    private void addEntry(IndexWriter w, Entry e, Map<String, float[]> vectors) throws IOException {
        List<String> questions = e.allQuestions();
        for (int i = 0; i < questions.size(); i++) {
            String text = analysis.normalizer().normalize(questions.get(i)).normalized();
            Document doc = new Document();
            doc.add(new StringField(IndexFields.ENTRY, e.id(), Field.Store.YES));
            doc.add(new StringField(IndexFields.KIND, i == 0 ? IndexFields.KIND_STANDARD : IndexFields.KIND_SIMILAR, Field.Store.YES));
            doc.add(new StoredField(IndexFields.TEXT, text));
            doc.add(new TextField(IndexFields.WORDS, text, Field.Store.NO));
            doc.add(new TextField(IndexFields.PINYIN, text, Field.Store.NO));
            doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vectors.get(text), VectorSimilarityFunction.DOT_PRODUCT));
            w.addDocument(doc);
        }
        String answerText = answerEmbeddingText(e);
        Document ans = new Document();
        ans.add(new StringField(IndexFields.ENTRY, e.id(), Field.Store.YES));
        ans.add(new StringField(IndexFields.KIND, IndexFields.KIND_ANSWER, Field.Store.YES));
        ans.add(new StoredField(IndexFields.TEXT, answerText));
        ans.add(new TextField(IndexFields.ANSWER, answerNormalizer.normalize(e.answer()).normalized(), Field.Store.NO));
        ans.add(new KnnFloatVectorField(IndexFields.ANSWER_VECTOR, vectors.get(answerText), VectorSimilarityFunction.DOT_PRODUCT));
        w.addDocument(ans);
    }

    private String readyMarker() {
        return embedder.modelId() + "\n" + analysis.fingerprint() + "\n";
    }

    /** The words of the entries' questions and keywords, by sound, for speech-error repair. */
    public org.openhotline.nlu.repair.RepairVocabulary repairVocabulary(List<Entry> entries) {
        Map<String, Integer> counts = new HashMap<>();
        for (Entry e : entries) {
            if (e.status() != EntryStatus.PUBLISHED) continue;
            for (String q : e.allQuestions()) {
                for (var t : analysis.segmenter().segment(analysis.normalizer().normalize(q).normalized())) counts.merge(t.word(), 1, Integer::sum);
            }
            for (String k : e.keywords()) counts.merge(k, 1, Integer::sum);
        }
        for (String w : analysis.lexicon().domainWords()) counts.merge(w, 1, Integer::sum);
        return org.openhotline.nlu.repair.RepairVocabulary.of(counts, new org.openhotline.nlu.pinyin.PinyinConverter());
    }

    /** Whether {@code dir} holds a finished index built with this embedder's model and this analysis. */
    public boolean isReady(Path dir) {
        Path marker = dir.resolve(READY);
        if (!Files.isRegularFile(marker)) return false;
        try {
            return Files.readString(marker, StandardCharsets.UTF_8).startsWith(readyMarker());
        } catch (IOException e) {
            return false;
        }
    }
}
