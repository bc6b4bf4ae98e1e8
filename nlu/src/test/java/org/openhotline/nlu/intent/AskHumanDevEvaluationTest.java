package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Requests for a person on ask-human-dev.jsonl, a tuning set written after the fresh set was frozen (and
 * checked not to repeat it), so that rules could be tuned on new wordings without touching the fresh set.
 */
class AskHumanDevEvaluationTest {
    @Test
    void recallAndFalsePositiveRate() {
        AskHumanMeasurement m = AskHumanMeasurement.of("dev", "ask-human-dev.jsonl");
        String report = m.report();
        double recall = m.recall(), fpRate = m.falsePositiveRate();
        // measured 0.862 recall and 0.390 false positives when written; 0.985 and 0.085 after the negation
        // spans and rules tuned on it; 1.000 and 0.000 after the word-class frames and the calibrated model
        assertTrue(recall >= 0.98, report);
        assertTrue(fpRate <= 0.03, report);
    }
}
