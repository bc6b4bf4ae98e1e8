package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a request body that must be one JSON object, refusing an empty, malformed or non-object body with a 400. */
final class JsonBody {
    private JsonBody() {}

    /** {@code expected}: what the client should send, for the message of an empty body. */
    static JsonNode object(ObjectMapper json, String body, String expected) {
        if (body == null || body.isBlank()) throw new BadRequest(400, "empty_body", "the request body is empty; send a JSON object with " + expected);
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (Exception e) {
            throw new BadRequest(400, "malformed_json", "the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) throw new BadRequest(400, "not_an_object", "the request body must be a JSON object");
        return node;
    }
}
