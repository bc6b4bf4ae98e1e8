package org.openhotline.eval.followup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openhotline.eval.quality.JsonLines;
import org.openhotline.eval.quality.QueryFile.BadQueryFile;

/**
 * Reads the follow-up dialogues: JSON Lines
 * {@code {"cid","kind":"followup|control","first","first_expected":[ids],"followup","expected_ids":[ids]}}.
 * As with the question file, the first bad line stops the run, naming the line.
 */
public final class DialogueFile {
    private DialogueFile() {}

    public static List<Dialogue> read(Path file) throws IOException {
        Set<String> cids = new HashSet<>();
        return JsonLines.read(file, "dialogue", "dialogues", (node, where, n) -> {
            Dialogue d = parse(node, where);
            if (!cids.add(d.cid())) throw new BadQueryFile(where + "cid '" + d.cid() + "' appears twice");
            return d;
        });
    }

    private static Dialogue parse(JsonNode node, String where) {
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
