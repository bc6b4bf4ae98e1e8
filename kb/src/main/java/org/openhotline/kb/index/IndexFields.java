package org.openhotline.kb.index;

/** Field names of the knowledge index: one document per question, plus one per answer. */
public final class IndexFields {
    /** Entry id, stored; what scores are aggregated on. */
    public static final String ENTRY = "entry";
    /** "std" (standard question), "sim" (similar question) or "ans" (answer text). */
    public static final String KIND = "kind";
    /** The question as written (normalised), stored to reuse its vector in the next build. */
    public static final String TEXT = "text";
    /** HanLP words, synonyms folded. */
    public static final String WORDS = "words";
    /** Fuzzy pinyin syllable bigrams. */
    public static final String PINYIN = "pinyin";
    /** Words of the answer text (only on "ans" documents). */
    public static final String ANSWER = "answer";
    /** Unit-length sentence embedding of the question (HNSW, dot product). */
    public static final String VECTOR = "vector";
    /** Embedding of the answer's opening ({@link #ANSWER_EMBED_CHARS} characters), on "ans" documents. */
    public static final String ANSWER_VECTOR = "answer_vector";
    /** How much of an answer is embedded: its opening says what it is about; the rest is procedure. */
    public static final int ANSWER_EMBED_CHARS = 160;

    public static final String KIND_STANDARD = "std";
    public static final String KIND_SIMILAR = "sim";
    public static final String KIND_ANSWER = "ans";

    private IndexFields() {}
}
