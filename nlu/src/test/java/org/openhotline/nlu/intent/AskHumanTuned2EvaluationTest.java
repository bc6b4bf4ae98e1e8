package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Requests for a person on ask-human-heldout.jsonl (159 asks, 98 hard negatives), committed before the
 * word-class rules and calibrated model were first run on it and measured once: the honest figure. Nothing
 * was tuned on it; a change made because of its errors would end that, and should say so.
 */
class AskHumanHeldOutEvaluationTest {
    private static final String SET = "ask-human-heldout.jsonl";

    @Test
    void recallAndFalsePositiveRate() {
        AskHumanMeasurement m = AskHumanMeasurement.of("held-out", SET);
        String report = m.report();
        // measured once: recall 0.720 (116/161), false positives 0.071 (7/98), detector alone 0.683 / 0.071; then
        // two asks that were a training sentence and a tuning-set text once normalised were dropped (both caught):
        // 0.717 (114/159) / 0.071, detector alone 0.679. The target (recall 0.95, false positives 0.05) is not met:
        // these floors guard what was reached. (The act model alone at 0.5 had 0.832 recall there; its calibration, fitted on tuning sets
        // whose rule misses the rules had been tuned away, lets it count only from about 0.986.)
        assertTrue(m.recall() >= 0.70, report);
        assertTrue(m.falsePositiveRate() <= 0.08, report);
        // the bot may read ask_human from the classifier instead of the detector: it must not ask less
        assertTrue(m.recall() >= m.detectorRecall(), report);
    }

    /**
     * A held-out text that is a training sentence, rule line, phrase or text of a tuning set once normalised
     * (the normaliser drops spaces between Chinese characters and folds full-width letters) would inflate the
     * figure: two rows written as 人 工 客 服 在 吗 and ＲＥＮＧＯＮＧ were such and were dropped after the first run.
     */
    @Test
    void noHeldOutTextIsInTheBundledData() throws IOException {
        List<String> bundled = new ArrayList<>();
        Path intentData = Path.of("src/main/resources/org/openhotline/nlu/intent");
        try (Stream<Path> files = Files.walk(intentData)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) bundled.add(key(line));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (String tuning : AskHumanCalibrationTest.TUNING_SETS) {
            for (JsonNode row : EvalFiles.jsonLines(EvalFiles.NLU_EVAL.resolve(tuning))) bundled.add(key(row.get("text").asText()));
        }
        for (JsonNode row : EvalFiles.jsonLines(EvalFiles.NLU_EVAL.resolve(SET))) {
            String text = row.get("text").asText();
            assertTrue(!bundled.contains(key(text)), "held-out text in bundled data: " + text);
        }
    }

    private static final org.openhotline.nlu.text.TextNormalizer NORMALIZER = new org.openhotline.nlu.text.TextNormalizer();

    private static String key(String s) {
        return NORMALIZER.normalize(s).normalized().replaceAll("[\\p{P}\\p{Z}\\s]+", "");
    }
}
