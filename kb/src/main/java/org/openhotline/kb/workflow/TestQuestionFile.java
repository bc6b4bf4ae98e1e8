package org.openhotline.kb.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads test questions in the eval's JSON Lines format, all or nothing: one bad line refuses the file, naming the line. */
public final class TestQuestionFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestQuestionFile() {}

    public static List<TestQuestion> read(Reader in) throws IOException {
        List<TestQuestion> out = new ArrayList<>();
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        int n = 0;
        for (String line; (line = r.readLine()) != null; ) {
            n++;
            if (line.isBlank()) continue;
            try {
                out.add(parse(JSON.readTree(line)));
            } catch (IOException | IllegalArgumentException e) {
                String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? "not valid JSON: " + j.getOriginalMessage() : e.getMessage();
                throw new IllegalArgumentException("line " + n + ": " + why);
            }
        }
        return out;
    }

    /** One question object; wrong types are an {@link IllegalArgumentException} naming the field. */
    public static TestQuestion parse(JsonNode node) {
        if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
        List<String> ids = new ArrayList<>();
        JsonNode e = node.get("expected_ids");
        if (e != null && !e.isNull()) {
            if (!e.isArray()) throw new IllegalArgumentException("expected_ids must be an array");
            e.forEach(x -> {
                if (!x.isTextual()) throw new IllegalArgumentException("expected_ids must hold strings");
                ids.add(x.asText());
            });
        }
        return new TestQuestion(text(node, "qid"), text(node, "query"), text(node, "kind"), ids);
    }

    private static String text(JsonNode node, String field) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) return null;
        if (!f.isTextual()) throw new IllegalArgumentException(field + " must be a string");
        return f.asText();
    }
}
