package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Requests for a person on ask-human-dev2.jsonl (82 asks, 83 hard negatives), the set the model-only
 * calibration is fitted on (AskHumanCalibrationTest). No rule was tuned on it, but the calibration was, so
 * this is not a held-out figure: it guards the fit and the rules' reach on wordings they were not shown.
 */
class AskHumanDev2EvaluationTest {
    @Test
    void recallAndFalsePositiveRate() {
        AskHumanMeasurement m = AskHumanMeasurement.of("dev2", AskHumanCalibrationTest.CALIBRATION_SET);
        String report = m.report();
        // when written, before the fourth rule round and the refit: recall 0.741, false positives 0.060, detector
        // alone 0.716 / 0.060; after them 0.878 (72/82) / 0.036 (3/83), detector alone 0.805 / 0.024
        assertTrue(m.recall() >= 0.87, report);
        assertTrue(m.falsePositiveRate() <= 0.04, report);
        assertTrue(m.recall() >= m.detectorRecall(), report);
    }
}
