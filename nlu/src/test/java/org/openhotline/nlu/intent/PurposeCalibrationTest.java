package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * Refits the purpose calibration (PurposeModel.FITTED) on the citizen messages outside PurposeEvaluationTest's
 * held-out slice and checks that the shipped constants are as good as the fit: when training sentences
 * change, this test says to refit. Prints the fitted constants.
 */
class PurposeCalibrationTest {
    @Test
    void shippedConstantsAreTheMaximumLikelihoodFit() {
        assumeTrue(Files.isRegularFile(EvalFiles.CITIZEN_MESSAGES), "shared benchmark not present");
        IntentClassifier classifier = IntentClassifier.bundled();
        TextNormalizer normalizer = new TextNormalizer();
        List<JsonNode> rows = PurposeEvaluationTest.fitSplit(EvalFiles.jsonLines(EvalFiles.CITIZEN_MESSAGES));
        List<double[]> raw = new ArrayList<>();
        int[] gold = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            raw.add(classifier.purposes().raw(classifier.tokens(normalizer.normalize(row.get("message").asText()).normalized())));
            gold[i] = IntentNames.PURPOSES.indexOf(PurposeEvaluationTest.LABELS.get(row.get("message_type").asText()));
        }
        PurposeCalibration fitted = Calibrations.fitPurposes(raw, gold);
        double best = Calibrations.purposeLoss(fitted, raw, gold), ours = Calibrations.purposeLoss(PurposeModel.FITTED, raw, gold);
        String report = String.format("purpose calibration on %d messages: fitted temperature %.3f biases %.3f %.3f %.3f (loss %.4f);"
                        + " shipped %.3f %s (loss %.4f)%n", rows.size(), fitted.temperature(), fitted.bias()[0], fitted.bias()[1],
                fitted.bias()[2], best, PurposeModel.FITTED.temperature(), java.util.Arrays.toString(PurposeModel.FITTED.bias()), ours);
        System.out.print(report);
        assertTrue(ours <= best + 0.002, report);
    }
}
