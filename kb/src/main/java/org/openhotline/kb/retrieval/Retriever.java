package org.openhotline.kb.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.openhotline.kb.index.IndexAnalysis;
import org.openhotline.kb.index.IndexFields;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.model.Entry;
import org.openhotline.nlu.embed.SentenceEmbedder;

/**
 * Finds the entries that may answer a question. Candidates come from four lists (BM25 over questions,
 * BM25 over answers, HNSW over question vectors, HNSW over answer vectors); every candidate then gets
 * the same complete evidence ({@link Features}), computed exactly, and the modes rank on it: BM25 and
 * VECTOR on one signal each (to measure against), HYBRID on the learned {@link FusionModel}.
 */
public final class Retriever {
    private final IndexAnalysis analysis;
    private final SentenceEmbedder embedder;
    private final RetrievalSettings settings;

    public Retriever(IndexAnalysis analysis, SentenceEmbedder embedder, RetrievalSettings settings) {
        this.analysis = analysis;
        this.embedder = embedder;
        this.settings = settings;
    }

    public RetrievalSettings settings() {
        return settings;
    }

    /** Candidates best first, at most {@code limit}; {@code normalizedQuery} comes from the shared normalizer. */
    public List<Candidate> search(KnowledgeIndex index, String normalizedQuery, RetrievalMode mode, LocalDate today, int limit) {
        if (normalizedQuery.isBlank()) return List.of();
        try {
            IndexSearcher searcher = index.searcher();
            Map<String, Double> bm25q = new HashMap<>();
            Map<String, Double> bm25a = new HashMap<>();
            LinkedHashMap<String, Boolean> pool = new LinkedHashMap<>();
            if (mode != RetrievalMode.VECTOR) {
                collect(index, searcher, questionQuery(analysisOf(index), normalizedQuery), settings.lexicalDocs(), bm25q, pool);
                collect(index, searcher, answerQuery(analysisOf(index), normalizedQuery), settings.lexicalDocs(), bm25a, pool);
            }
            float[] q = null;
            if (mode != RetrievalMode.BM25) {
                q = embedder.embed(normalizedQuery);
                collect(index, searcher, new KnnFloatVectorQuery(IndexFields.VECTOR, q, settings.vectorDocs()), settings.vectorDocs(), null, pool);
                if (mode == RetrievalMode.HYBRID) {
                    collect(index, searcher, new KnnFloatVectorQuery(IndexFields.ANSWER_VECTOR, q, settings.vectorDocs()), settings.vectorDocs(), null, pool);
                }
            }
            if (mode == RetrievalMode.HYBRID) {
                // BM25 evidence for candidates found by vectors only: their entries may have scored below the cut
                fillLexical(index, searcher, normalizedQuery, pool, bm25q, bm25a);
            }
            return rank(index, normalizedQuery, mode, today, limit, q, pool, bm25q, bm25a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Candidate> rank(KnowledgeIndex index, String text, RetrievalMode mode, LocalDate today, int limit, float[] q,
                                 Map<String, Boolean> pool, Map<String, Double> bm25q, Map<String, Double> bm25a) {
        KnowledgeIndex.VectorView qv = q == null ? null : index.vectors(IndexFields.VECTOR);
        KnowledgeIndex.VectorView av = q == null ? null : index.vectors(IndexFields.ANSWER_VECTOR);
        double maxQ = max(bm25q), maxA = max(bm25a);
        record Row(Entry entry, double cos, double answerCos, double lexQ, double lexA, int matchedDoc) {}
        List<Row> rows = new ArrayList<>();
        double bestCos = 0;
        for (String id : pool.keySet()) {
            Entry entry = index.entry(id);
            if (entry == null || !entry.isAnswerable(today)) continue;
            double cos = 0, answerCos = 0;
            int matchedDoc = -1;
            if (q != null) {
                cos = -1;
                for (int doc : index.questionDocs(id)) {
                    float[] v = qv.get(doc);
                    if (v == null) continue;
                    double c = SentenceEmbedder.dot(q, v);
                    if (c > cos) {
                        cos = c;
                        matchedDoc = doc;
                    }
                }
                float[] a = av.get(index.answerDoc(id));
                answerCos = a == null ? 0 : SentenceEmbedder.dot(q, a);
                cos = Math.max(0, cos);
                answerCos = Math.max(0, answerCos);
            }
            bestCos = Math.max(bestCos, cos);
            rows.add(new Row(entry, cos, answerCos, bm25q.getOrDefault(id, 0.0), bm25a.getOrDefault(id, 0.0), matchedDoc));
        }
        List<Candidate> out = new ArrayList<>(rows.size());
        Map<Entry, Integer> matchedDocs = new HashMap<>();
        for (Row r : rows) {
            matchedDocs.put(r.entry(), r.matchedDoc());
            Features f = new Features(r.cos(), r.cos() - bestCos, r.answerCos(),
                    maxQ > 0 ? r.lexQ() / maxQ : 0, maxA > 0 ? r.lexA() / maxA : 0);
            double score = switch (mode) {
                case BM25 -> {
                    double lex = r.lexQ() + settings.answerBoost() * r.lexA();
                    yield lex / (lex + settings.bm25Half());
                }
                case VECTOR -> r.cos();
                case HYBRID -> settings.fusion().probability(f);
            };
            out.add(new Candidate(r.entry(), score, f, null));
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.entry().id()));
        List<Candidate> top = out.size() > limit ? out.subList(0, limit) : out;
        List<Candidate> result = new ArrayList<>(top.size());
        for (Candidate c : top) { // stored text is read for the kept few only
            int doc = matchedDocs.getOrDefault(c.entry(), -1);
            result.add(new Candidate(c.entry(), c.score(), c.features(), doc < 0 ? c.entry().question() : storedText(index, doc, c.entry().question())));
        }
        return result;
    }

    private static String storedText(KnowledgeIndex index, int doc, String fallback) {
        try {
            String t = index.searcher().storedFields().document(doc, java.util.Set.of(IndexFields.TEXT)).get(IndexFields.TEXT);
            return t == null ? fallback : t;
        } catch (IOException e) {
            return fallback;
        }
    }

    /** The analysis the index was built with (its version's dictionaries), else this retriever's own. */
    private IndexAnalysis analysisOf(KnowledgeIndex index) {
        return index.analysis() != null ? index.analysis() : analysis;
    }

    private Query questionQuery(IndexAnalysis analysis, String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : analysis.terms(IndexFields.WORDS, text)) b.add(new TermQuery(new Term(IndexFields.WORDS, t)), BooleanClause.Occur.SHOULD);
        for (String t : analysis.terms(IndexFields.PINYIN, text)) {
            b.add(new BoostQuery(new TermQuery(new Term(IndexFields.PINYIN, t)), (float) settings.pinyinBoost()), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private Query answerQuery(IndexAnalysis analysis, String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : analysis.terms(IndexFields.WORDS, text)) b.add(new TermQuery(new Term(IndexFields.ANSWER, t)), BooleanClause.Occur.SHOULD);
        return b.build();
    }

    /** Adds the top documents' entries to the pool; with {@code scores}, keeps each entry's best score. */
    private static void collect(KnowledgeIndex index, IndexSearcher searcher, Query query, int n, Map<String, Double> scores,
                                Map<String, Boolean> pool) throws IOException {
        if (query instanceof BooleanQuery bq && bq.clauses().isEmpty()) return;
        for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
            String id = index.entryOf(sd.doc);
            pool.putIfAbsent(id, Boolean.TRUE);
            if (scores != null) scores.merge(id, (double) sd.score, Math::max);
        }
    }

    /**
     * Exact BM25 for pool entries missing from the lexical lists: their own documents are scored one by
     * one by advancing the query's scorer to them, which costs a few skips instead of another search.
     */
    private void fillLexical(KnowledgeIndex index, IndexSearcher searcher, String text, Map<String, Boolean> pool,
                             Map<String, Double> bm25q, Map<String, Double> bm25a) throws IOException {
        List<Integer> questionDocs = new ArrayList<>();
        List<Integer> answerDocs = new ArrayList<>();
        for (String id : pool.keySet()) {
            if (!bm25q.containsKey(id)) for (int d : index.questionDocs(id)) questionDocs.add(d);
            if (!bm25a.containsKey(id) && index.answerDoc(id) >= 0) answerDocs.add(index.answerDoc(id));
        }
        scoreDocs(index, searcher, questionQuery(analysisOf(index), text), questionDocs, bm25q);
        scoreDocs(index, searcher, answerQuery(analysisOf(index), text), answerDocs, bm25a);
    }

    private static void scoreDocs(KnowledgeIndex index, IndexSearcher searcher, Query query, List<Integer> docs,
                                  Map<String, Double> scores) throws IOException {
        if (docs.isEmpty() || (query instanceof BooleanQuery bq && bq.clauses().isEmpty())) return;
        int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        int i = 0;
        for (var leaf : searcher.getIndexReader().leaves()) { // docs are index-wide; scorers work per segment
            int end = leaf.docBase + leaf.reader().maxDoc();
            if (i < sorted.length && sorted[i] < end) {
                Scorer scorer = weight.scorer(leaf);
                DocIdSetIterator it = scorer == null ? null : scorer.iterator();
                for (; i < sorted.length && sorted[i] < end; i++) {
                    int local = sorted[i] - leaf.docBase;
                    if (it == null || it.docID() == DocIdSetIterator.NO_MORE_DOCS) continue;
                    if (it.docID() < local) it.advance(local);
                    if (it.docID() == local) scores.merge(index.entryOf(sorted[i]), (double) scorer.score(), Math::max);
                }
            }
        }
    }

    private static double max(Map<String, Double> m) {
        double x = 0;
        for (double v : m.values()) x = Math.max(x, v);
        return x;
    }
}
