package org.openhotline.nlu.intent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Held-out evaluation sets, read from outside the product: they are never training data. */
final class EvalFiles {
    /** The repository's hand-labelled NLU sets (tests run in the nlu module folder). */
    static final Path NLU_EVAL = Path.of("../eval/data/nlu");
    /** Shared benchmark data beside the repository; its licence is unknown, so it is read only by tests. */
    static final Path CITIZEN_MESSAGES = Path.of("../../shared/datasets/gov-qa-msgabench/citizen_messages.jsonl");

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> jsonLines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) out.add(JSON.readTree(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EvalFiles() {
    }
}
