package org.openhotline.eval.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openhotline.eval.quality.QueryFile.BadQueryFile;

/**
 * Reads the follow-up dialogues: JSON Lines
 * {@code {"cid","kind":"followup|control","first","first_expected":[ids],"followup","expected_ids":[ids]}}.
 * As with the question file, the first bad line stops the run, naming the line.
 */
public final class DialogueFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DialogueFile() {}

    public static List<Dialogue> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new BadQueryFile("no such dialogue file: " + file);
        List<Dialogue> out = new ArrayList<>();
        Set<String> cids = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                Dialogue d = parse(file.getFileName() + " line " + n + ": ", line);
                if (!cids.add(d.cid())) throw new BadQueryFile(file.getFileName() + " line " + n + ": cid '" + d.cid() + "' appears twice");
                out.add(d);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadQueryFile(file + " is not UTF-8 text");
        }
        if (out.isEmpty()) throw new BadQueryFile(file + " holds no dialogues");
        return out;
    }

    static Dialogue parse(String where, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new BadQueryFile(where + "not valid JSON");
        }
        if (node == null || !node.isObject()) throw new BadQueryFile(where + "not a JSON object");
        String cid = text(node, "cid", where);
        String first = text(node, "first", where);
        String followup = text(node, "followup", where);
        String kind = node.hasNonNull("kind") ? node.get("kind").asText() : "followup";
        Dialogue.Kind k = switch (kind) {
            case "followup" -> Dialogue.Kind.FOLLOWUP;
            case "control" -> Dialogue.Kind.CONTROL;
            default -> throw new BadQueryFile(where + "kind must be followup or control, not '" + kind + "'");
        };
        Set<String> expected = ids(node, "expected_ids", where);
        if (expected.isEmpty()) throw new BadQueryFile(where + "'expected_ids' is missing or empty");
        return new Dialogue(cid, k, first, ids(node, "first_expected", where), followup, expected);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode f = node.get(field);
        if (f == null || !f.isTextual() || f.asText().isBlank()) throw new BadQueryFile(where + "'" + field + "' is missing or empty");
        return f.asText();
    }

    private static Set<String> ids(JsonNode node, String field, String where) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode ids = node.get(field);
        if (ids == null || ids.isNull()) return out;
        if (!ids.isArray()) throw new BadQueryFile(where + "'" + field + "' must be an array");
        ids.forEach(x -> out.add(x.asText()));
        return out;
    }
}
