package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Requests for a person on the first hand-labelled set, tuned on since: missing one is the costly error. */
class AskHumanEvaluationTest {
    @Test
    void recallAndFalsePositiveRate() {
        AskHumanMeasurement m = AskHumanMeasurement.of("tuned", "ask-human.jsonl");
        String report = m.report();
        double recall = m.recall(), fpRate = m.falsePositiveRate();
        // measured 1.000 recall and 0.000 false positives after escalation, short-form, pinyin and negation rules
        // were tuned on this very set and ask-human-dev.jsonl (before: 0.927 / 0.048), so it is no longer held
        // out: AskHumanHeldOut2EvaluationTest gives the honest figure
        assertTrue(recall >= 0.98, report);
        assertTrue(fpRate <= 0.02, report);
    }
}
