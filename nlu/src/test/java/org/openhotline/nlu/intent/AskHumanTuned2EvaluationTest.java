package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Requests for a person on ask-human-tuned2.jsonl (159 asks, 98 hard negatives). It was the held-out set
 * ask-human-heldout.jsonl, measured once at recall 0.717 / false positives 0.071; the fourth round (issue 4)
 * studied its misses by family and tuned the word classes and frames on it, so it is a tuning set now and
 * ask-human-heldout2.jsonl (AskHumanHeldOut2EvaluationTest) is the honest figure.
 */
class AskHumanTuned2EvaluationTest {
    @Test
    void recallAndFalsePositiveRate() {
        AskHumanMeasurement m = AskHumanMeasurement.of("tuned2", "ask-human-tuned2.jsonl");
        String report = m.report();
        // after the fourth round: 1.000 (159/159) and 0.000 (0/98), detector alone 1.000 / 0.000
        assertTrue(m.recall() >= 0.98, report);
        assertTrue(m.falsePositiveRate() <= 0.02, report);
        assertTrue(m.recall() >= m.detectorRecall(), report);
    }
}
