package org.openhotline.kb.retrieval;

/** Which evidence ranks candidates; HYBRID is what citizens get, the others exist to measure it. */
public enum RetrievalMode {
    BM25,
    VECTOR,
    HYBRID;

    public static RetrievalMode parse(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "bm25", "lexical" -> BM25;
            case "vector", "embedding", "dense" -> VECTOR;
            case "hybrid" -> HYBRID;
            default -> throw new IllegalArgumentException("unknown retrieval mode '" + s + "' (bm25, vector, hybrid)");
        };
    }
}
