package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * Requests for a person on a second held-out set, ask-human-fresh.jsonl, written before the rules and
 * training sentences were tuned on ask-human.jsonl and never used for tuning: the honest figure.
 */
class AskHumanFreshEvaluationTest {
    @Test
    void recallAndFalsePositiveRate() {
        IntentClassifier classifier = IntentClassifier.bundled();
        TextNormalizer normalizer = new TextNormalizer();
        int tp = 0, fn = 0, fp = 0, tn = 0;
        List<String> errors = new ArrayList<>();
        for (JsonNode row : EvalFiles.jsonLines(EvalFiles.NLU_EVAL.resolve("ask-human-fresh.jsonl"))) {
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
        String report = String.format("ask_human (fresh): recall %.3f (%d/%d), false-positive rate %.3f (%d/%d)%n  %s%n", recall, tp,
                tp + fn, fpRate, fp, fp + tn, String.join("\n  ", errors));
        System.out.print(report);
        // before any tuning 0.710 recall and 0.178 false positives; 0.911 / 0.132 after the rules tuned on
        // ask-human.jsonl, 0.917 / 0.072 after the second round tuned on ask-human-dev.jsonl. The target, recall
        // 0.95, is not met on this set: the floors guard what is reached, a little under it
        assertTrue(recall >= 0.90, report);
        assertTrue(fpRate <= 0.08, report);
    }
}
