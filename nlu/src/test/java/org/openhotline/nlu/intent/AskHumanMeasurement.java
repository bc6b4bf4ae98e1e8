package org.openhotline.nlu.intent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * Recall and false-positive rate of the ask_human intent on one labelled set {"text","ask_human"}, and the
 * same for HumanRequestDetector alone (what the bot called before it read the classifier's intents).
 */
record AskHumanMeasurement(double recall, double falsePositiveRate, double detectorRecall, double detectorFalsePositiveRate,
                           String report) {

    static AskHumanMeasurement of(String setName, String fileName) {
        IntentClassifier classifier = IntentClassifier.bundled();
        TextNormalizer normalizer = new TextNormalizer();
        HumanRequestDetector detector = HumanRequestDetector.bundled(new org.openhotline.nlu.pinyin.PinyinConverter());
        int tp = 0, fn = 0, fp = 0, tn = 0, dtp = 0, dfp = 0;
        List<String> errors = new ArrayList<>();
        for (JsonNode row : EvalFiles.jsonLines(EvalFiles.NLU_EVAL.resolve(fileName))) {
            String text = normalizer.normalize(row.get("text").asText()).normalized();
            boolean gold = row.get("ask_human").asBoolean();
            double score = classifier.classify(text).stream().filter(i -> i.name().equals(IntentNames.ASK_HUMAN))
                    .findFirst().orElseThrow().score();
            boolean predicted = score >= Intent.PRESENT;
            if (detector.isHumanRequest(IntentClassifier.clean(text))) {
                if (gold) dtp++;
                else dfp++;
            }
            if (gold && predicted) tp++;
            else if (gold) fn++;
            else if (predicted) fp++;
            else tn++;
            if (gold != predicted) errors.add((gold ? "missed " : "false  ") + String.format("%.2f ", score) + text);
        }
        double recall = tp / (double) (tp + fn), fpRate = fp / (double) (fp + tn);
        double dRecall = dtp / (double) (tp + fn), dFpRate = dfp / (double) (fp + tn);
        String report = String.format("ask_human (%s): recall %.3f (%d/%d), false-positive rate %.3f (%d/%d);"
                        + " detector alone %.3f / %.3f%n  %s%n", setName, recall, tp, tp + fn, fpRate, fp, fp + tn, dRecall, dFpRate,
                String.join("\n  ", errors));
        System.out.print(report);
        return new AskHumanMeasurement(recall, fpRate, dRecall, dFpRate, report);
    }
}
