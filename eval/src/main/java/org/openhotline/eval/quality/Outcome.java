package org.openhotline.eval.quality;

import java.util.List;

/**
 * What the product did with one eval query.
 *
 * @param rankedIds entry ids best first (up to 10), whatever the tier
 * @param topScore  score of the first candidate, and {@code secondScore} of the next (for the threshold curve)
 */
public record Outcome(EvalQuery query, String type, String answeredId, List<String> rankedIds,
                      double topScore, double secondScore, double millis) {

    /** Answered directly from the knowledge base: a polite small-talk reply (type answer, no entry) is not an answer. */
    public boolean answered() {
        return "answer".equals(type) && answeredId != null;
    }

    /** 1-based rank of the first expected entry within the ranking, 0 if absent. */
    public int rankOfExpected() {
        for (int i = 0; i < rankedIds.size(); i++) if (query.expectedIds().contains(rankedIds.get(i))) return i + 1;
        return 0;
    }
}
