package org.openhotline.kb.retrieval;

/**
 * Knobs of retrieval and fusion. Defaults are the values the eval chose on the sample question sets;
 * change them only with an eval run beside the change.
 *
 * @param lexicalDocs   question/answer documents read from BM25
 * @param vectorDocs    nearest question vectors read from HNSW
 * @param pinyinBoost   weight of the pinyin field against the words field
 * @param answerBoost   weight of the answer text against the questions
 * @param lexicalWeight weight of relative BM25 against cosine in the hybrid score
 * @param bm25Half      BM25 score at which the BM25-only confidence is 0.5
 */
public record RetrievalSettings(int lexicalDocs, int vectorDocs, double pinyinBoost, double answerBoost,
                                double lexicalWeight, double bm25Half) {

    public static RetrievalSettings defaults() {
        return new RetrievalSettings(100, 50, 0.5, 0.3, 0.3, 10.0);
    }

    public RetrievalSettings withLexicalWeight(double w) {
        return new RetrievalSettings(lexicalDocs, vectorDocs, pinyinBoost, answerBoost, w, bm25Half);
    }
}
