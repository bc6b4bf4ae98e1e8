package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/chat}, read strictly: unknown fields and wrong types are refused with a
 * sentence naming the field, so an integrator's mistake shows on the first call instead of in production.
 */
public record ChatRequest(String sessionId, String text) {
    static final int MAX_TEXT = org.openhotline.desk.TextLimits.MESSAGE_CHARS;
    private static final int MAX_SESSION_ID = 128;
    private static final List<String> FIELDS = List.of("sessionId", "text");

    static ChatRequest parse(ObjectMapper json, String body) {
        JsonNode node = JsonBody.object(json, body, "{\"sessionId\":\"…\",\"text\":\"…\"}", FIELDS);
        String text = JsonBody.text(node, "text");
        if (text.isBlank()) throw new BadRequest(400, "empty_text", "field 'text' is empty");
        if (text.length() > MAX_TEXT) throw new BadRequest(413, "text_too_long", "field 'text' is longer than " + MAX_TEXT + " characters");
        JsonNode sid = node.get("sessionId");
        String sessionId;
        if (sid == null || sid.isNull() || (sid.isTextual() && sid.asText().isBlank())) sessionId = UUID.randomUUID().toString();
        else if (!sid.isTextual()) throw new BadRequest(400, "bad_session_id", "field 'sessionId' must be a string");
        else if (sid.asText().length() > MAX_SESSION_ID) throw new BadRequest(400, "bad_session_id", "field 'sessionId' is longer than " + MAX_SESSION_ID + " characters");
        else sessionId = sid.asText();
        return new ChatRequest(sessionId, text);
    }
}
