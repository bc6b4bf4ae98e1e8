package org.openhotline.eval.quality;

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

/**
 * Reads an eval question file: JSON Lines {@code {"qid","query","kind","expected_ids":[...]}}, other
 * fields ignored. Unlike a knowledge-base import, the first bad line stops the run: a measurement over
 * a silently shortened set would mislead.
 */
public final class QueryFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<EvalQuery> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new BadQueryFile("no such query file: " + file);
        List<EvalQuery> out = new ArrayList<>();
        Set<String> qids = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                out.add(parse(file, n, line, qids));
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadQueryFile(file + " is not UTF-8 text");
        }
        if (out.isEmpty()) throw new BadQueryFile(file + " holds no queries");
        return out;
    }

    private static EvalQuery parse(Path file, int n, String line, Set<String> qids) {
        String where = file.getFileName() + " line " + n + ": ";
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new BadQueryFile(where + "not valid JSON");
        }
        if (node == null || !node.isObject()) throw new BadQueryFile(where + "not a JSON object");
        String query = text(node, "query", where);
        if (query == null || query.isBlank()) throw new BadQueryFile(where + "'query' is missing or empty");
        String qid = text(node, "qid", where);
        if (qid == null || qid.isBlank()) qid = "line-" + n;
        if (!qids.add(qid)) throw new BadQueryFile(where + "qid '" + qid + "' appears twice");
        String kindText = text(node, "kind", where);
        EvalQuery.Kind kind;
        try {
            kind = EvalQuery.Kind.parse(kindText == null ? "faq" : kindText);
        } catch (IllegalArgumentException e) {
            throw new BadQueryFile(where + e.getMessage());
        }
        Set<String> expected = new LinkedHashSet<>();
        JsonNode ids = node.get("expected_ids");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) throw new BadQueryFile(where + "'expected_ids' must be an array");
            ids.forEach(x -> expected.add(x.asText()));
        }
        if (kind == EvalQuery.Kind.FAQ && expected.isEmpty()) throw new BadQueryFile(where + "a faq query needs expected_ids");
        return new EvalQuery(qid, query, kind, expected);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) return null;
        if (!f.isTextual() && !f.isNumber()) throw new BadQueryFile(where + "'" + field + "' must be a string");
        return f.asText();
    }

    /** A query file that cannot be measured on; the message names the line. */
    public static final class BadQueryFile extends RuntimeException {
        public BadQueryFile(String message) {
            super(message);
        }
    }

    private QueryFile() {}
}
