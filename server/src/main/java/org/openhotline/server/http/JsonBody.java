package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a request body that must be one JSON object, refusing an empty, malformed or non-object body and unknown
 * fields with a 400 in the same words on every endpoint, so integrators meet one set of error codes.
 */
public final class JsonBody {
    private static final int QUOTED_MAX = 40;

    private JsonBody() {}

    /** {@code send}: what the client should send, ending the message of an empty body ("…; send " + send). */
    public static JsonNode object(ObjectMapper json, String body, String send) {
        if (body == null || body.isBlank()) throw new BadRequest(400, "empty_body", "the request body is empty; send " + send);
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (Exception e) {
            throw new BadRequest(400, "malformed_json", "the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) throw new BadRequest(400, "not_an_object", "the request body must be a JSON object");
        return node;
    }

    /** As {@link #object(ObjectMapper, String, String)}, and refuses any field not in {@code allowed}. */
    public static JsonNode object(ObjectMapper json, String body, String send, List<String> allowed) {
        JsonNode node = object(json, body, send);
        onlyFields(node, allowed);
        return node;
    }

    /** Refuses the first field of {@code node} not in {@code allowed}, listing the allowed ones in their order. */
    public static void onlyFields(JsonNode node, List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) throw new BadRequest(400, "unknown_field", "unknown field '" + abbreviate(f) + "'; allowed: " + String.join(", ", allowed));
        }
    }

    /** The string in {@code field}; missing_&lt;field&gt; when absent or null, bad_&lt;field&gt; when not a string. */
    public static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) throw new BadRequest(400, "missing_" + field, "field '" + field + "' is required");
        if (!n.isTextual()) throw new BadRequest(400, "bad_" + field, "field '" + field + "' must be a string");
        return n.asText();
    }

    /** The string in {@code field}, or {@code absent} when the field is missing or null; bad_&lt;field&gt; when not a string. */
    public static String text(JsonNode node, String field, String absent) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? absent : text(node, field);
    }

    /** {@code s} cut to 40 characters, for quoting client input in an error message without echoing a huge value. */
    static String abbreviate(String s) {
        return s.length() > QUOTED_MAX ? s.substring(0, QUOTED_MAX) + "…" : s;
    }
}
