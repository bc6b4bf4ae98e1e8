package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Requests for a person on a second held-out set, ask-human-fresh.jsonl, written before the rules and
 * training sentences were tuned on ask-human.jsonl and never used for tuning: the honest figure.
 */
class AskHumanFreshEvaluationTest {
    @Test
    void recallAndFalsePositiveRate() {
        AskHumanMeasurement m = AskHumanMeasurement.of("fresh", "ask-human-fresh.jsonl");
        String report = m.report();
        double recall = m.recall(), fpRate = m.falsePositiveRate();
        // before any tuning 0.710 recall and 0.178 false positives; 0.911 / 0.132 after the rules tuned on
        // ask-human.jsonl, 0.917 / 0.072 after the second round tuned on ask-human-dev.jsonl. The target, recall
        // 0.95, is not met on this set: the floors guard what is reached, a little under it
        assertTrue(recall >= 0.90, report);
        assertTrue(fpRate <= 0.08, report);
    }
}
