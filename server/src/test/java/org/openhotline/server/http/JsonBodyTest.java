package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The error codes and sentences every JSON endpoint shares are a contract with integrators: pinned here word for word. */
class JsonBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("sessionId", "text");

    @Test
    void refusesAnEmptyBodySayingWhatToSend() {
        assertRefused(() -> JsonBody.object(JSON, " ", "{\"a\":1}", FIELDS), "empty_body", "the request body is empty; send {\"a\":1}");
        assertRefused(() -> JsonBody.object(JSON, null, "a JSON object with note"), "empty_body", "the request body is empty; send a JSON object with note");
    }

    @Test
    void refusesMalformedJsonAndNonObjects() {
        assertRefused(() -> JsonBody.object(JSON, "{\"text\":", "x", FIELDS), "malformed_json", "the request body is not valid JSON");
        assertRefused(() -> JsonBody.object(JSON, "[1]", "x", FIELDS), "not_an_object", "the request body must be a JSON object");
        assertRefused(() -> JsonBody.object(JSON, "\"hi\"", "x"), "not_an_object", "the request body must be a JSON object");
    }

    @Test
    void refusesAnUnknownFieldListingTheAllowedOnesInOrder() {
        assertRefused(() -> JsonBody.object(JSON, "{\"text\":\"a\",\"foo\":1}", "x", FIELDS), "unknown_field", "unknown field 'foo'; allowed: sessionId, text");
        String longName = "f".repeat(50);
        assertRefused(() -> JsonBody.object(JSON, "{\"" + longName + "\":1}", "x", FIELDS), "unknown_field",
                "unknown field '" + "f".repeat(40) + "…'; allowed: sessionId, text");
        assertEquals("a", JsonBody.object(JSON, "{\"text\":\"a\"}", "x", FIELDS).get("text").asText());
    }

    @Test
    void readsRequiredAndOptionalStrings() {
        var node = JsonBody.object(JSON, "{\"text\":\"a\",\"n\":1,\"z\":null}", "x");
        assertEquals("a", JsonBody.text(node, "text"));
        assertRefused(() -> JsonBody.text(node, "z"), "missing_z", "field 'z' is required");
        assertRefused(() -> JsonBody.text(node, "n"), "bad_n", "field 'n' must be a string");
        assertEquals("dflt", JsonBody.text(node, "z", "dflt"));
        assertEquals("dflt", JsonBody.text(node, "absent", "dflt"));
        assertRefused(() -> JsonBody.text(node, "n", "dflt"), "bad_n", "field 'n' must be a string");
    }

    private static void assertRefused(Executable call, String code, String message) {
        BadRequest e = assertThrows(BadRequest.class, call);
        assertEquals(400, e.status());
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
    }
}
