package org.openhotline.kb.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code {"id","question","answer","similar":[...],"category"}} lines. {@code department} is taken
 * as the category (the public government Q&A sets use it); unknown fields are ignored.
 */
public final class JsonlEntryReader {
    // one object a line: two objects run together on a line are an error, not the first one read and the second lost
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public ImportResult read(Reader in) throws IOException {
        EntryValidator v = new EntryValidator();
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank()) continue;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                v.problem(lineNo, "not valid JSON: " + e.getOriginalMessage());
                continue;
            }
            if (node == null || !node.isObject()) {
                v.problem(lineNo, "not a JSON object");
                continue;
            }
            List<String> typeErrors = new ArrayList<>();
            EntryValidator.Row row = new EntryValidator.Row(lineNo,
                    scalar(node, "id", typeErrors),
                    node.hasNonNull("category") ? scalar(node, "category", typeErrors) : scalar(node, "department", typeErrors),
                    scalar(node, "question", typeErrors),
                    list(node, "similar", typeErrors),
                    scalar(node, "answer", typeErrors),
                    scalar(node, "voice_answer", typeErrors),
                    list(node, "keywords", typeErrors),
                    scalar(node, "valid_from", typeErrors),
                    scalar(node, "valid_to", typeErrors),
                    scalar(node, "status", typeErrors));
            if (!typeErrors.isEmpty()) v.problem(lineNo, String.join("; ", typeErrors));
            else v.accept(row);
        }
        return v.result();
    }

    private static String scalar(JsonNode node, String field, List<String> errors) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) return null;
        if (f.isTextual() || f.isNumber()) return f.asText();
        errors.add("'" + field + "' must be a string");
        return null;
    }

    /** An array of strings, or one string with one item a line or separated by ';' (as spreadsheets export). */
    private static List<String> list(JsonNode node, String field, List<String> errors) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        if (f.isTextual()) {
            for (String s : f.asText().split("[\\n;；]")) out.add(s);
            return out;
        }
        if (!f.isArray()) {
            errors.add("'" + field + "' must be an array of strings");
            return List.of();
        }
        for (JsonNode item : f) {
            if (!item.isTextual() && !item.isNumber()) {
                errors.add("'" + field + "' must contain only strings");
                return List.of();
            }
            out.add(item.asText());
        }
        return out;
    }
}
