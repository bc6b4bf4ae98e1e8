package org.openhotline.bot.faq;

import java.time.LocalDate;
import java.util.List;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.retrieval.Retriever;

/** Retrieval plus the confidence decision: what the FAQ path of a conversation needs from the knowledge base. */
public final class FaqAnswerer {
    /** Candidates kept per question: three to offer, the rest to see the margin and for the eval's MRR@10. */
    public static final int CANDIDATES = 10;

    private final Retriever retriever;
    private final ConfidenceTiers tiers;
    private final RetrievalMode mode;

    public FaqAnswerer(Retriever retriever, ConfidenceTiers tiers, RetrievalMode mode) {
        this.retriever = retriever;
        this.tiers = tiers;
        this.mode = mode;
    }

    public record Result(ConfidenceTiers.Tier tier, List<Candidate> candidates) {
        public double confidence() {
            return candidates.isEmpty() ? 0 : candidates.get(0).score();
        }
    }

    public Result answer(KnowledgeIndex index, String normalizedQuestion, LocalDate today) {
        List<Candidate> ranked = retriever.search(index, normalizedQuestion, mode, today, CANDIDATES);
        return new Result(tiers.decide(ranked), ranked);
    }

    public ConfidenceTiers tiers() {
        return tiers;
    }

    public RetrievalMode mode() {
        return mode;
    }
}
