package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Requests for a person on ask-human-fresh.jsonl, written before the rules were tuned on ask-human.jsonl and
 * held out for two rounds. The third round (word-class frames, issue 4) studied its misses, so it is a tuning
 * set now: ask-human-heldout.jsonl took its place, then ask-human-heldout2.jsonl (AskHumanHeldOut2EvaluationTest).
 */
class AskHumanFreshEvaluationTest {
    @Test
    void recallAndFalsePositiveRate() {
        AskHumanMeasurement m = AskHumanMeasurement.of("fresh", "ask-human-fresh.jsonl");
        String report = m.report();
        double recall = m.recall(), fpRate = m.falsePositiveRate();
        // before any tuning 0.710 recall and 0.178 false positives; 0.911 / 0.132 after the rules tuned on
        // ask-human.jsonl, 0.917 / 0.072 after the second round tuned on ask-human-dev.jsonl (still held out then);
        // 0.994 / 0.000 after the third round, which studied this set's misses
        assertTrue(recall >= 0.98, report);
        assertTrue(fpRate <= 0.02, report);
    }
}
