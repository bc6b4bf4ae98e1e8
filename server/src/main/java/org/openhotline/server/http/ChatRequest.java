package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /api/chat}, read strictly: unknown fields and wrong types are refused with a
 * sentence naming the field, so an integrator's mistake shows on the first call instead of in production.
 */
public record ChatRequest(String sessionId, String text) {
    static final int MAX_TEXT = 2000;
    private static final int MAX_SESSION_ID = 128;
    private static final Set<String> FIELDS = Set.of("sessionId", "text");

    static ChatRequest parse(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) throw new BadRequest(400, "empty_body", "the request body is empty; send {\"sessionId\":\"…\",\"text\":\"…\"}");
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (Exception e) {
            throw new BadRequest(400, "malformed_json", "the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) throw new BadRequest(400, "not_an_object", "the request body must be a JSON object");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new BadRequest(400, "unknown_field", "unknown field '" + abbreviate(f) + "'; allowed: sessionId, text");
        }
        JsonNode text = node.get("text");
        if (text == null || text.isNull()) throw new BadRequest(400, "missing_text", "field 'text' is required");
        if (!text.isTextual()) throw new BadRequest(400, "bad_text", "field 'text' must be a string");
        if (text.asText().isBlank()) throw new BadRequest(400, "empty_text", "field 'text' is empty");
        if (text.asText().length() > MAX_TEXT) throw new BadRequest(413, "text_too_long", "field 'text' is longer than " + MAX_TEXT + " characters");
        JsonNode sid = node.get("sessionId");
        String sessionId;
        if (sid == null || sid.isNull() || (sid.isTextual() && sid.asText().isBlank())) sessionId = UUID.randomUUID().toString();
        else if (!sid.isTextual()) throw new BadRequest(400, "bad_session_id", "field 'sessionId' must be a string");
        else if (sid.asText().length() > MAX_SESSION_ID) throw new BadRequest(400, "bad_session_id", "field 'sessionId' is longer than " + MAX_SESSION_ID + " characters");
        else sessionId = sid.asText();
        return new ChatRequest(sessionId, text.asText());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
