package org.openhotline.bot.faq;

import java.util.List;
import org.openhotline.kb.retrieval.Candidate;

/**
 * Turns retrieval scores into the bot's decision. Answer only when the top entry is both confident and
 * clearly ahead of the next one; offer the top three when it is plausible; otherwise fall back. The
 * thresholds are picked from the eval's precision / answer-rate curve (see README), not guessed.
 */
public record ConfidenceTiers(double answerThreshold, double answerMargin, double clarifyThreshold) {

    public enum Tier { ANSWER, CLARIFY, FALLBACK }

    public ConfidenceTiers {
        if (clarifyThreshold > answerThreshold) throw new IllegalArgumentException("clarify threshold above answer threshold");
    }

    public Tier decide(List<Candidate> ranked) {
        if (ranked.isEmpty()) return Tier.FALLBACK;
        double top = ranked.get(0).score();
        double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
        if (top >= answerThreshold && top - second >= answerMargin) return Tier.ANSWER;
        if (top >= clarifyThreshold) return Tier.CLARIFY;
        return Tier.FALLBACK;
    }
}
