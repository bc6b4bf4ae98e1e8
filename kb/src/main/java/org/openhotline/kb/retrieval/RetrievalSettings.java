package org.openhotline.kb.retrieval;

/**
 * Knobs of retrieval and fusion; the defaults in hotline-defaults.yml were chosen with the eval. Change
 * them only with an eval run beside the change.
 *
 * @param lexicalDocs  question documents read from BM25 (and as many answer documents)
 * @param vectorDocs   nearest question vectors (and answer vectors) read from HNSW
 * @param pinyinBoost  weight of the pinyin field against the words field
 * @param answerBoost  weight of answer-text BM25 in the BM25-only mode
 * @param bm25Half     BM25 score at which the BM25-only confidence is 0.5
 * @param fusion       the learned combination used in HYBRID mode
 */
public record RetrievalSettings(int lexicalDocs, int vectorDocs, double pinyinBoost, double answerBoost, double bm25Half,
                                FusionModel fusion) {

    public static RetrievalSettings defaults(FusionModel fusion) {
        return new RetrievalSettings(50, 30, 0.5, 0.3, 10.0, fusion);
    }
}
