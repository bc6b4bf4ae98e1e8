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
import org.openhotline.nlu.text.TextNormalizer;

/**
 * Requests for a person on ask-human-heldout2.jsonl (129 asks in formal, elderly, dialect, misheard, indirect,
 * angry, polite, very short and long-letter styles; 90 hard negatives), written after the fourth rule round
 * and the dev2 refit, committed before anything ran on it and measured once: the honest figure. Nothing was
 * tuned on it; a change made because of its errors would end that, and should say so.
 */
class AskHumanHeldOut2EvaluationTest {
    private static final String SET = "ask-human-heldout2.jsonl";

    @Test
    void recallAndFalsePositiveRate() {
        AskHumanMeasurement m = AskHumanMeasurement.of("held-out 2", SET);
        String report = m.report();
        // measured once: recall 0.846 (110/130), false positives 0.111 (10/90); detector alone 0.769 / 0.089; then
        // one ask that was a tuned2 text once traditional characters are folded was dropped (it was caught):
        // 0.845 (109/129) / 0.111, detector alone 0.767. The model alone at 0.5 leans on 人工 in questions about
        // the service and in 我不找人工; three long letters the model would have caught are beyond its 40-character
        // domain. The target (recall 0.95, false positives 0.05) is not met: these floors guard what was reached.
        assertTrue(m.recall() >= 0.84, report);
        assertTrue(m.falsePositiveRate() <= 0.12, report);
        assertTrue(m.detectorRecall() >= 0.76, report);
        // the bot may read ask_human from the classifier instead of the detector: it must not ask less
        assertTrue(m.recall() >= m.detectorRecall(), report);
    }

    /**
     * A held-out text that is a training sentence, rule line, phrase or text of a tuning or calibration set once
     * normalised (spaces between Chinese characters dropped, full-width letters folded) would inflate the figure.
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
        List<String> sets = new ArrayList<>(AskHumanCalibrationTest.TUNING_SETS);
        sets.add(AskHumanCalibrationTest.CALIBRATION_SET);
        for (String set : sets) {
            for (JsonNode row : EvalFiles.jsonLines(EvalFiles.NLU_EVAL.resolve(set))) bundled.add(key(row.get("text").asText()));
        }
        int rows = 0;
        for (JsonNode row : EvalFiles.jsonLines(EvalFiles.NLU_EVAL.resolve(SET))) {
            String text = row.get("text").asText();
            rows++;
            assertTrue(!bundled.contains(key(text)), "held-out text in bundled data: " + text);
        }
        assertTrue(rows >= 200, "held-out set too small: " + rows);
    }

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private static String key(String s) {
        return NORMALIZER.normalize(s).normalized().replaceAll("[\\p{P}\\p{Z}\\s]+", "");
    }
}
