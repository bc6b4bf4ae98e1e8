package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * Real citizen letters (MSGABench, 11,529 messages to a city's leaders) hardly ever ask to be put through to
 * a person, yet they name 领导, 工作人员 and 人工客服 all the time: how many of them ask_human flags is the
 * false-positive check that no hand-written negative set can give. The few it flags mostly do ask someone
 * (恳请相关负责人过来, 需要人工反馈解答) or quote another service's 转人工.
 */
class AskHumanCitizenLettersTest {
    @Test
    void fewCitizenLettersAreReadAsAskingForAPerson() {
        assumeTrue(Files.isRegularFile(EvalFiles.CITIZEN_MESSAGES), "shared benchmark not present");
        IntentClassifier classifier = IntentClassifier.bundled();
        TextNormalizer normalizer = new TextNormalizer();
        List<String> flagged = new ArrayList<>();
        int total = 0;
        for (JsonNode row : EvalFiles.jsonLines(EvalFiles.CITIZEN_MESSAGES)) {
            String text = normalizer.normalize(row.get("message").asText()).normalized();
            total++;
            double score = classifier.classify(text).stream().filter(i -> i.name().equals(IntentNames.ASK_HUMAN))
                    .findFirst().orElseThrow().score();
            if (score >= Intent.PRESENT) flagged.add(text.length() > 60 ? text.substring(0, 60) + "…" : text);
        }
        String report = String.format("ask_human on %d citizen letters: %d flagged%n  %s%n", total, flagged.size(),
                String.join("\n  ", flagged));
        System.out.print(report);
        // 38 before the fourth round; 36 after it (the model alone no longer speaks on long letters)
        assertTrue(total > 10_000, report);
        assertTrue(flagged.size() <= 40, report);
    }
}
