package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;

/** The product as a citizen's browser sees it: a real server on a random port, on an empty data folder. */
class ChatApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    static HotlineApp app;
    static String base;

    @BeforeAll
    static void start() {
        HotlineConfig config = HotlineConfig.load(null, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0"));
        app = new HotlineApp(config).start(ProgressListener.NONE);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode chat(String session, String text) throws Exception {
        HttpResponse<String> r = post("/api/chat", JSON.writeValueAsString(Map.of("sessionId", session, "text", text)));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void theSampleKnowledgeBaseAnswersOnFirstStart() throws Exception {
        JsonNode r = chat("a1", "租房怎么提取住房公积金");
        assertEquals("answer", r.get("type").asText(), r.toString());
        assertTrue(r.get("entryId").asText().startsWith("hf-"), r.toString());
        assertTrue(r.get("confidence").asDouble() > 0.5);
        assertFalse(r.get("text").asText().isBlank());
    }

    @Test
    void aVagueQuestionGetsNumberedChoicesAndTheNumberIsUnderstood() throws Exception {
        JsonNode r = chat("c1", "社保卡");
        assertEquals("clarify", r.get("type").asText(), r.toString());
        assertEquals(3, r.get("candidates").size());
        String second = r.get("candidates").get(1).get("entryId").asText();
        JsonNode pick = chat("c1", "2");
        assertEquals("answer", pick.get("type").asText());
        assertEquals(second, pick.get("entryId").asText());
    }

    @Test
    void outOfScopeFallsBackWithHotQuestionsAndTheOfferOfAHuman() throws Exception {
        JsonNode r = chat("f1", "高铁票改签手续费多少");
        assertEquals("fallback", r.get("type").asText(), r.toString());
        assertTrue(r.get("candidates").size() > 0);
        assertTrue(r.get("text").asText().contains("转人工"));
    }

    @Test
    void chitChatGetsAPoliteReplyWithHotQuestionsNotAnAnswer() throws Exception {
        JsonNode r = chat("f2", "今天股票买什么好");
        assertEquals("smalltalk", r.get("act").asText(), r.toString());
        assertTrue(r.get("entryId").isNull());
        assertTrue(r.get("candidates").size() > 0, "a way on: hot questions");
    }

    @Test
    void askingForAHumanTransfers() throws Exception {
        assertEquals("transfer", chat("t1", "转人工").get("type").asText());
        assertEquals("transfer", chat("t2", "我要找真人").get("type").asText());
    }

    @Test
    void aMissingSessionIdGetsOne() throws Exception {
        HttpResponse<String> r = post("/api/chat", "{\"text\":\"医保怎么报销\"}");
        assertEquals(200, r.statusCode());
        assertFalse(JSON.readTree(r.body()).get("sessionId").asText().isBlank());
    }

    @Test
    void badRequestsGetA4xxWithAClearMessageAndTheServerCarriesOn() throws Exception {
        assertError(post("/api/chat", "{not json"), 400, "malformed_json");
        assertError(post("/api/chat", ""), 400, "empty_body");
        assertError(post("/api/chat", "[1,2]"), 400, "not_an_object");
        assertError(post("/api/chat", "{\"text\":\"hi\",\"foo\":1}"), 400, "unknown_field");
        assertError(post("/api/chat", "{\"sessionId\":\"x\"}"), 400, "missing_text");
        assertError(post("/api/chat", "{\"text\":\"   \"}"), 400, "empty_text");
        assertError(post("/api/chat", "{\"text\":42}"), 400, "bad_text");
        assertError(post("/api/chat", "{\"text\":\"" + "问".repeat(2001) + "\"}"), 413, "text_too_long");
        assertError(post("/api/chat", "{\"text\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"), 413, "body_too_large");
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/chat")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(get.statusCode() == 404 || get.statusCode() == 405, "GET on the chat API: " + get.statusCode());
        assertError(post("/api/nothing", "{}"), 404, "not_found");
        // and it still answers
        assertEquals("transfer", chat("after", "人工客服").get("type").asText());
    }

    @Test
    void withoutAnAdminTokenTheAdminApiDoesNotExist() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/sensitive-words"))
                .header("Authorization", "Bearer ").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertError(r, 404, "not_found");
    }

    @Test
    void controlCharactersAndBrokenSurrogatesDoNotBreakAnAnswer() throws Exception {
        JsonNode r = chat("z1", "\u0000\u0007医保\uD800怎么报销\u001b??????");
        assertTrue(r.get("type").asText().matches("answer|clarify|fallback"), r.toString());
    }

    @Test
    void healthSaysWhichVersionIsLive() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        JsonNode h = JSON.readTree(r.body());
        assertEquals("UP", h.get("status").asText());
        assertEquals(1, h.get("kbVersion").asInt());
        assertTrue(h.get("entries").asInt() >= 150);
    }

    @Test
    void theWebChatPageIsServedAtTheRoot() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/chat.js"));
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(code, body.get("error").asText(), r.body());
        assertFalse(body.get("message").asText().isBlank());
    }
}
