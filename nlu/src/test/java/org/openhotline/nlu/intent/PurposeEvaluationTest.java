package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * consult / complain / suggest on real citizen messages (MSGABench 情感分类 sheet) that the model never saw:
 * 200 per label, chosen by a fixed hash of the message id. Prints the confusion matrix and macro-F1.
 */
class PurposeEvaluationTest {
    private static final int PER_LABEL = 200;
    static final Map<String, String> LABELS = Map.of("咨询", IntentNames.CONSULT, "投诉/求助", IntentNames.COMPLAIN,
            "建言", IntentNames.SUGGEST);

    @Test
    void macroF1OnHeldOutCitizenMessages() {
        assumeTrue(Files.isRegularFile(EvalFiles.CITIZEN_MESSAGES), "shared benchmark not present");
        Result held = evaluate("held-out", sample(EvalFiles.jsonLines(EvalFiles.CITIZEN_MESSAGES), 0));
        assertTrue(held.macroF1 >= MACRO_F1_FLOOR, held.report);
        // calibrated: a top purpose at 0.5 or more on most messages, right about as often as its score says
        assertTrue(held.ece <= ECE_CEILING, held.report);
        assertTrue(held.confident >= CONFIDENT_FLOOR, held.report);
    }

    /**
     * A second, disjoint slice (the next 200 per label) on which design choices were compared, so that the
     * held-out figure above is not the one that was optimised. Printed, with a floor only against collapse.
     */
    @Test
    void macroF1OnDevelopmentSlice() {
        assumeTrue(Files.isRegularFile(EvalFiles.CITIZEN_MESSAGES), "shared benchmark not present");
        Result dev = evaluate("development", sample(EvalFiles.jsonLines(EvalFiles.CITIZEN_MESSAGES), PER_LABEL));
        assertTrue(dev.macroF1 >= MACRO_F1_FLOOR - 0.05, dev.report);
    }

    record Result(double macroF1, double ece, int confident, String report) {
    }

    private static Result evaluate(String name, List<JsonNode> sample) {
        IntentClassifier classifier = IntentClassifier.bundled();
        TextNormalizer normalizer = new TextNormalizer();
        List<String> labels = IntentNames.PURPOSES;
        int[][] confusion = new int[3][3];
        int confidentRight = 0, confident = 0;
        double[] topScore = new double[sample.size()], rawTop = new double[sample.size()];
        boolean[] right = new boolean[sample.size()], rawRight = new boolean[sample.size()];
        int n = 0;
        for (JsonNode row : sample) {
            int gold = labels.indexOf(LABELS.get(row.get("message_type").asText()));
            String text = normalizer.normalize(row.get("message").asText()).normalized();
            Intent best = classifier.classify(text).stream().filter(i -> labels.contains(i.name())).findFirst().orElseThrow();
            int predicted = labels.indexOf(best.name());
            confusion[gold][predicted]++;
            topScore[n] = best.score();
            right[n] = predicted == gold;
            double[] raw = classifier.purposes().raw(classifier.tokens(text));
            int rawBest = raw[0] >= raw[1] && raw[0] >= raw[2] ? 0 : raw[1] >= raw[2] ? 1 : 2;
            rawTop[n] = raw[rawBest];
            rawRight[n++] = rawBest == gold;
            if (best.isPresent()) {
                confident++;
                if (predicted == gold) confidentRight++;
            }
        }
        double macroF1 = 0;
        StringBuilder report = new StringBuilder("purpose on " + sample.size() + " " + name + " citizen messages (rows gold, columns predicted)\n");
        report.append(String.format("%-10s%10s%10s%10s%8s%8s%8s%n", "", labels.get(0), labels.get(1), labels.get(2), "P", "R", "F1"));
        for (int g = 0; g < 3; g++) {
            int tp = confusion[g][g], rowSum = 0, colSum = 0;
            for (int k = 0; k < 3; k++) {
                rowSum += confusion[g][k];
                colSum += confusion[k][g];
            }
            double p = colSum == 0 ? 0 : tp / (double) colSum, r = rowSum == 0 ? 0 : tp / (double) rowSum;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            macroF1 += f1 / 3;
            report.append(String.format("%-10s%10d%10d%10d%8.3f%8.3f%8.3f%n", labels.get(g), confusion[g][0], confusion[g][1],
                    confusion[g][2], p, r, f1));
        }
        double ece = Calibrations.expectedCalibrationError(topScore, right);
        report.append(String.format("macro-F1 %.3f; top purpose scored >= 0.5 on %d messages, %.3f of them right;"
                        + " expected calibration error %.3f (uncalibrated model %.3f)%n", macroF1, confident,
                confident == 0 ? 0 : confidentRight / (double) confident, ece, Calibrations.expectedCalibrationError(rawTop, rawRight)));
        System.out.print(report);
        return new Result(macroF1, ece, confident, report.toString());
    }

    /** Measured 0.688 held-out, 0.651 development (commit of this test); floors sit a little under. */
    static final double MACRO_F1_FLOOR = 0.65;
    /** Set after the calibration is measured (see the commit adding it); the uncalibrated model was near 0.45. */
    static final double ECE_CEILING = 0.15;
    static final int CONFIDENT_FLOOR = 300;

    /** 200 messages per label from rank {@code skip}, the same ones on every run: ordered by a mixed hash of the id. */
    static List<JsonNode> sample(List<JsonNode> rows, int skip) {
        return ranked(rows, skip, PER_LABEL);
    }

    /** Every message outside the held-out slice (rank 200 on, per label): where the calibration is fitted. */
    static List<JsonNode> fitSplit(List<JsonNode> rows) {
        return ranked(rows, PER_LABEL, Integer.MAX_VALUE);
    }

    private static List<JsonNode> ranked(List<JsonNode> rows, int skip, int limit) {
        List<JsonNode> out = new ArrayList<>();
        for (String label : LABELS.keySet().stream().sorted().toList()) {
            rows.stream().filter(r -> label.equals(r.get("message_type").asText()))
                    .sorted(Comparator.comparingLong(r -> mix(r.get("id").asLong())))
                    .skip(skip).limit(limit).forEach(out::add);
        }
        return out;
    }

    private static long mix(long id) { // SplitMix64 finaliser: a fixed pseudo-random order independent of file order
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
