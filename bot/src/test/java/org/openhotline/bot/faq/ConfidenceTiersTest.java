package org.openhotline.bot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.kb.retrieval.Features;

class ConfidenceTiersTest {
    private final ConfidenceTiers tiers = new ConfidenceTiers(0.8, 0.05, 0.2);

    private static Candidate c(String id, double score) {
        return new Candidate(Entry.of(id, "", "q" + id, List.of(), "a"), score, new Features(0, 0, 0, 0, 0), "q" + id);
    }

    @Test
    void answersOnlyWhenConfidentAndClearlyAhead() {
        assertEquals(ConfidenceTiers.Tier.ANSWER, tiers.decide(List.of(c("a", 0.9), c("b", 0.3))));
        // confident but the runner-up is as close: the citizen chooses
        assertEquals(ConfidenceTiers.Tier.CLARIFY, tiers.decide(List.of(c("a", 0.9), c("b", 0.88))));
        assertEquals(ConfidenceTiers.Tier.CLARIFY, tiers.decide(List.of(c("a", 0.5), c("b", 0.1))));
        assertEquals(ConfidenceTiers.Tier.FALLBACK, tiers.decide(List.of(c("a", 0.1))));
        assertEquals(ConfidenceTiers.Tier.FALLBACK, tiers.decide(List.of()));
    }

    @Test
    void refusesAClarifyThresholdAboveTheAnswerThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceTiers(0.5, 0.0, 0.6));
    }
}
