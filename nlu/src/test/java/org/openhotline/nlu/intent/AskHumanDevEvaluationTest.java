package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * Requests for a person on ask-human-dev.jsonl, a tuning set written after the fresh set was frozen (and
 * checked not to repeat it), so that rules could be tuned on new wordings without touching the fresh set.
 */
class AskHumanDevEvaluationTest {
    @Test
    void recallAndFalsePositiveRate() {
        IntentClassifier classifier = IntentClassifier.bundled();
        TextNormalizer normalizer = new TextNormalizer();
        int tp = 0, fn = 0, fp = 0, tn = 0;
        List<String> errors = new ArrayList<>();
        for (JsonNode row : EvalFiles.jsonLines(EvalFiles.NLU_EVAL.resolve("ask-human-dev.jsonl"))) {
            String text = normalizer.normalize(row.get("text").asText()).normalized();
            boolean gold = row.get("ask_human").asBoolean();
            double score = classifier.classify(text).stream().filter(i -> i.name().equals(IntentNames.ASK_HUMAN))
                    .findFirst().orElseThrow().score();
            boolean predicted = score >= Intent.PRESENT;
            if (gold && predicted) tp++;
            else if (gold) fn++;
            else if (predicted) fp++;
            else tn++;
            if (gold != predicted) errors.add((gold ? "missed " : "false  ") + String.format("%.2f ", score) + text);
        }
        double recall = tp / (double) (tp + fn), fpRate = fp / (double) (fp + tn);
        String report = String.format("ask_human (dev): recall %.3f (%d/%d), false-positive rate %.3f (%d/%d)%n  %s%n", recall, tp,
                tp + fn, fpRate, fp, fp + tn, String.join("\n  ", errors));
        System.out.print(report);
        // measured 0.862 recall and 0.390 false positives when written; 0.985 and 0.085 after the negation
        // spans and rules tuned on it
        assertTrue(recall >= 0.97, report);
        assertTrue(fpRate <= 0.10, report);
    }
}
