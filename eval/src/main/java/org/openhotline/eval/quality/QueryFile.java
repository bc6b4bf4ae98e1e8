package org.openhotline.eval.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
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
    public static List<EvalQuery> read(Path file) throws IOException {
        Set<String> qids = new HashSet<>();
        return JsonLines.read(file, "query", "queries", (node, where, n) -> parse(node, where, n, qids));
    }

    private static EvalQuery parse(JsonNode node, String where, int n, Set<String> qids) {
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
