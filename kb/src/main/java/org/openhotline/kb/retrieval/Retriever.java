package org.openhotline.kb.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.StoredFields;
import org.openhotline.kb.index.IndexAnalysis;
import org.openhotline.kb.index.IndexFields;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.model.Entry;
import org.openhotline.nlu.embed.SentenceEmbedder;

/**
 * Finds the entries that may answer a question. BM25 (words + pinyin + answer text) and HNSW cosine
 * are read separately, aggregated per entry (an entry is as close as its closest question), then fused
 * as {@code (cos + w·bm25/bm25max) / (1 + w)}: cosine carries the scale a confidence threshold needs,
 * BM25 breaks ties among near neighbours, where measured accuracy is won (see ARCHITECTURE.md).
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
            Map<String, Evidence> byEntry = new HashMap<>();
            if (mode != RetrievalMode.VECTOR) lexical(index, normalizedQuery, byEntry);
            if (mode != RetrievalMode.BM25) vector(index, normalizedQuery, byEntry);
            double maxLex = 0;
            for (Evidence e : byEntry.values()) maxLex = Math.max(maxLex, e.lexical());
            List<Candidate> out = new ArrayList<>();
            for (Map.Entry<String, Evidence> me : byEntry.entrySet()) {
                Entry entry = index.entry(me.getKey());
                if (entry == null || !entry.isAnswerable(today)) continue;
                Evidence ev = me.getValue();
                double lexRel = maxLex > 0 ? ev.lexical() / maxLex : 0;
                double score = switch (mode) {
                    case BM25 -> ev.lexical() / (ev.lexical() + settings.bm25Half());
                    case VECTOR -> Math.max(0, ev.cos);
                    case HYBRID -> (Math.max(0, ev.cos) + settings.lexicalWeight() * lexRel) / (1 + settings.lexicalWeight());
                };
                out.add(new Candidate(entry, score, Math.max(0, ev.cos), lexRel, ev.matchedText()));
            }
            out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.entry().id()));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void lexical(KnowledgeIndex index, String text, Map<String, Evidence> byEntry) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String t : analysis.terms(IndexFields.WORDS, text)) {
            b.add(new TermQuery(new Term(IndexFields.WORDS, t)), BooleanClause.Occur.SHOULD);
            b.add(boost(new TermQuery(new Term(IndexFields.ANSWER, t)), settings.answerBoost()), BooleanClause.Occur.SHOULD);
            clauses += 2;
        }
        for (String t : analysis.terms(IndexFields.PINYIN, text)) {
            b.add(boost(new TermQuery(new Term(IndexFields.PINYIN, t)), settings.pinyinBoost()), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (clauses == 0) return;
        IndexSearcher searcher = index.searcher();
        TopDocs top = searcher.search(b.build(), settings.lexicalDocs());
        StoredFields stored = searcher.storedFields();
        Map<String, Double> answerScore = new HashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            var doc = stored.document(sd.doc);
            String id = doc.get(IndexFields.ENTRY);
            if (IndexFields.KIND_ANSWER.equals(doc.get(IndexFields.KIND))) {
                answerScore.merge(id, (double) sd.score, Math::max);
                continue;
            }
            Evidence ev = byEntry.computeIfAbsent(id, k -> new Evidence());
            if (sd.score > ev.questionLexical) {
                ev.questionLexical = sd.score;
                ev.lexicalDoc = sd.doc;
                ev.lexicalText = doc.get(IndexFields.TEXT);
            }
        }
        for (Map.Entry<String, Double> a : answerScore.entrySet()) {
            byEntry.computeIfAbsent(a.getKey(), k -> new Evidence()).answerLexical = a.getValue();
        }
    }

    private void vector(KnowledgeIndex index, String text, Map<String, Evidence> byEntry) throws IOException {
        float[] q = embedder.embed(text);
        IndexSearcher searcher = index.searcher();
        TopDocs top = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, q, settings.vectorDocs()), settings.vectorDocs());
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            var doc = stored.document(sd.doc);
            String id = doc.get(IndexFields.ENTRY);
            double cos = 2.0 * sd.score - 1.0; // Lucene scores DOT_PRODUCT as (1 + dot) / 2
            Evidence ev = byEntry.computeIfAbsent(id, k -> new Evidence());
            if (cos > ev.cos) {
                ev.cos = cos;
                ev.vectorText = doc.get(IndexFields.TEXT);
            }
        }
        // entries found by BM25 only: score them by their best lexical question's vector
        for (Evidence ev : byEntry.values()) {
            if (ev.vectorText == null && ev.lexicalText != null) {
                ev.cos = SentenceEmbedder.dot(q, index.vectorOf(ev.lexicalDoc));
                ev.vectorText = ev.lexicalText;
            }
        }
    }

    private static Query boost(Query q, double boost) {
        return boost == 1.0 ? q : new BoostQuery(q, (float) boost);
    }

    /** Per-entry evidence while a query is scored. */
    private static final class Evidence {
        double questionLexical;
        double answerLexical;
        int lexicalDoc = -1;
        String lexicalText;
        double cos = -1;
        String vectorText;

        double lexical() {
            return questionLexical + answerLexical;
        }

        String matchedText() {
            return vectorText != null ? vectorText : lexicalText;
        }
    }
}
