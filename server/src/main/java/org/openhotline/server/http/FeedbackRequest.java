package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The body of {@code POST /api/chat/feedback}: {"sessionId","entryId","helpful"}, read strictly like {@link ChatRequest}. */
record FeedbackRequest(String sessionId, String entryId, boolean helpful) {
    private static final List<String> FIELDS = List.of("sessionId", "entryId", "helpful");

    static FeedbackRequest parse(ObjectMapper json, String body) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? "" : body);
        } catch (Exception e) {
            throw new BadRequest(400, "malformed_json", "the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) throw new BadRequest(400, "not_an_object", "send {\"sessionId\",\"entryId\",\"helpful\":true|false}");
        JsonBody.onlyFields(node, FIELDS);
        String sessionId = text(node, "sessionId", 128);
        String entryId = text(node, "entryId", 200);
        JsonNode helpful = node.get("helpful");
        if (helpful == null || !helpful.isBoolean()) throw new BadRequest(400, "bad_helpful", "field 'helpful' must be true or false");
        return new FeedbackRequest(sessionId, entryId, helpful.asBoolean());
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new BadRequest(400, "missing_" + field.toLowerCase(), "field '" + field + "' is required (a string)");
        if (v.asText().length() > max) throw new BadRequest(400, "bad_" + field.toLowerCase(), "field '" + field + "' is longer than " + max + " characters");
        return v.asText();
    }
}
