package org.openhotline.server.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample service over HTTP: labelled answers, its rules, bad input, and the control knobs. */
class SampleBusinessServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SampleBusinessService service;

    @BeforeAll
    static void start() {
        service = SampleBusinessService.start(0);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.url() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerSaysItIsFake() throws Exception {
        HttpResponse<String> r = call("GET", "/", null);
        assertEquals(200, r.statusCode());
        assertEquals("true", r.headers().firstValue("X-Sample-Data").orElse(""));
        assertEquals(SampleBusinessService.LABEL, JSON.readTree(r.body()).get("source").asText());
        r = call("POST", "/si/payment-records", "{\"id_card\":\"" + TestIds.ADULT + "\",\"year\":\"2024\",\"code\":\"000000\"}");
        JsonNode body = JSON.readTree(r.body());
        assertEquals("bad_code", body.get("status").asText());
        assertEquals(SampleBusinessService.LABEL, body.get("source").asText());
    }

    @Test
    void sameIdSameRecords() throws Exception {
        String req = "{\"id_card\":\"" + TestIds.ADULT + "\",\"year\":\"2023\",\"code\":\"123456\"}";
        JsonNode a = JSON.readTree(call("POST", "/si/payment-records", req).body());
        JsonNode b = JSON.readTree(call("POST", "/si/payment-records", req).body());
        assertEquals(a, b);
        assertEquals(12, a.get("records").size());
        assertEquals("2023-12", a.get("records").get(11).get("month").asText());
    }

    @Test
    void badInputIs400AndUnknownPaths404() throws Exception {
        assertEquals(400, call("POST", "/si/payment-records", "not json").statusCode());
        assertEquals(400, call("POST", "/si/payment-records", "{\"id_card\":\"" + TestIds.broken(TestIds.ADULT) + "\",\"year\":\"2024\",\"code\":\"123456\"}").statusCode());
        assertEquals(400, call("POST", "/intake/records", "{\"what\":\"x\"}").statusCode());
        assertEquals(400, call("POST", "/hf/withdrawal-progress", "{\"key\":\"abc\"}").statusCode());
        assertEquals(404, call("GET", "/nothing", null).statusCode());
    }

    @Test
    void controlMakesItSlowOrFailing() throws Exception {
        try {
            HttpResponse<String> r = call("POST", "/_control", "{\"delayMs\":400,\"fail\":true}");
            JsonNode state = JSON.readTree(r.body());
            assertEquals(400, state.get("delayMs").asInt());
            assertTrue(state.get("fail").asBoolean());
            long t0 = System.nanoTime();
            r = call("POST", "/hf/withdrawal-progress", "{\"key\":\"TQ2025060001\"}");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(500, r.statusCode());
            assertTrue(ms >= 390, "delayed " + ms + " ms");
            assertEquals(400, call("POST", "/_control", "{\"delayMs\":-1}").statusCode());
            assertEquals(200, call("GET", "/_control", null).statusCode(), "control itself is never slowed");
        } finally {
            service.faults(0, false);
        }
        assertEquals(200, call("POST", "/hf/withdrawal-progress", "{\"key\":\"TQ2025060001\"}").statusCode());
    }

    @Test
    void intakeRecordsAreKeptAndListed() throws Exception {
        int before = service.intakeRecords().size();
        JsonNode r = JSON.readTree(call("POST", "/intake/records",
                "{\"what\":\"路灯坏了\",\"where\":\"雁塔区小寨东路\",\"phone\":\"13912345678\",\"when\":\"2025-06-09\"}").body());
        assertEquals("ok", r.get("status").asText());
        assertTrue(r.get("recordNo").asText().matches("SL[0-9]{12}"), r.toString());
        JsonNode list = JSON.readTree(call("GET", "/intake/records", null).body()).get("records");
        assertEquals(before + 1, list.size());
        assertEquals(r.get("recordNo").asText(), list.get(list.size() - 1).get("recordNo").asText());
    }
}
