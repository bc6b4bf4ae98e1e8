package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhotline.server.http.TestServer.JSON;
import static org.openhotline.server.http.TestServer.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The product as a citizen's browser sees it: a real server on a random port, on an empty data folder. */
class ChatApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.builder().build();

    @Test
    void theSampleKnowledgeBaseAnswersOnFirstStart() throws Exception {
        JsonNode r = server.chat("a1", "租房怎么提取住房公积金");
        assertEquals("answer", r.get("type").asText(), r.toString());
        assertTrue(r.get("entryId").asText().startsWith("hf-"), r.toString());
        assertTrue(r.get("confidence").asDouble() > 0.5);
        assertFalse(r.get("text").asText().isBlank());
    }

    @Test
    void aVagueQuestionGetsNumberedChoicesAndTheNumberIsUnderstood() throws Exception {
        JsonNode r = server.chat("c1", "社保卡");
        assertEquals("clarify", r.get("type").asText(), r.toString());
        assertEquals(3, r.get("candidates").size());
        String second = r.get("candidates").get(1).get("entryId").asText();
        JsonNode pick = server.chat("c1", "2");
        assertEquals("answer", pick.get("type").asText());
        assertEquals(second, pick.get("entryId").asText());
    }

    @Test
    void outOfScopeFallsBackWithHotQuestionsAndTheOfferOfAHuman() throws Exception {
        JsonNode r = server.chat("f1", "高铁票改签手续费多少");
        assertEquals("fallback", r.get("type").asText(), r.toString());
        assertTrue(r.get("candidates").size() > 0);
        assertTrue(r.get("text").asText().contains("转人工"));
    }

    @Test
    void chitChatGetsAPoliteReplyWithHotQuestionsNotAnAnswer() throws Exception {
        JsonNode r = server.chat("f2", "今天股票买什么好");
        assertEquals("smalltalk", r.get("act").asText(), r.toString());
        assertTrue(r.get("entryId").isNull());
        assertTrue(r.get("candidates").size() > 0, "a way on: hot questions");
    }

    @Test
    void askingForAHumanTransfers() throws Exception {
        assertEquals("transfer", server.chat("t1", "转人工").get("type").asText());
        assertEquals("transfer", server.chat("t2", "我要找真人").get("type").asText());
    }

    @Test
    void aMissingSessionIdGetsOne() throws Exception {
        HttpResponse<String> r = server.post("/api/chat", "{\"text\":\"医保怎么报销\"}");
        assertEquals(200, r.statusCode());
        assertFalse(JSON.readTree(r.body()).get("sessionId").asText().isBlank());
    }

    @Test
    void badRequestsGetA4xxWithAClearMessageAndTheServerCarriesOn() throws Exception {
        assertError(server.post("/api/chat", "{not json"), 400, "malformed_json");
        assertError(server.post("/api/chat", ""), 400, "empty_body");
        assertError(server.post("/api/chat", "[1,2]"), 400, "not_an_object");
        assertError(server.post("/api/chat", "{\"text\":\"hi\",\"foo\":1}"), 400, "unknown_field");
        assertError(server.post("/api/chat", "{\"sessionId\":\"x\"}"), 400, "missing_text");
        assertError(server.post("/api/chat", "{\"text\":\"   \"}"), 400, "empty_text");
        assertError(server.post("/api/chat", "{\"text\":42}"), 400, "bad_text");
        assertError(server.post("/api/chat", "{\"text\":\"" + "问".repeat(2001) + "\"}"), 413, "text_too_long");
        assertError(server.post("/api/chat", "{\"text\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"), 413, "body_too_large");
        HttpResponse<String> get = server.get("/api/chat");
        assertTrue(get.statusCode() == 404 || get.statusCode() == 405, "GET on the chat API: " + get.statusCode());
        assertError(server.post("/api/nothing", "{}"), 404, "not_found");
        // and it still answers
        assertEquals("transfer", server.chat("after", "人工客服").get("type").asText());
    }

    @Test
    void withoutAnAdminTokenTheAdminApiTakesOnlyAccounts() throws Exception {
        assertError(server.send("GET", "/api/admin/sensitive-words", null, "any-token"), 401, "unauthorized");
        assertError(server.send("GET", "/api/admin/sensitive-words", null, null), 401, "not_signed_in");
    }

    @Test
    void controlCharactersAndBrokenSurrogatesDoNotBreakAnAnswer() throws Exception {
        JsonNode r = server.chat("z1", "\u0000\u0007医保\uD800怎么报销\u001b??????");
        assertTrue(r.get("type").asText().matches("answer|clarify|fallback"), r.toString());
    }

    @Test
    void healthSaysWhichVersionIsLive() throws Exception {
        HttpResponse<String> r = server.get("/health");
        assertEquals(200, r.statusCode());
        JsonNode h = JSON.readTree(r.body());
        assertEquals("UP", h.get("status").asText());
        assertEquals(1, h.get("kbVersion").asInt());
        assertTrue(h.get("entries").asInt() >= 150);
    }

    @Test
    void theWebChatPageIsServedAtTheRoot() throws Exception {
        HttpResponse<String> r = server.get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/chat.js"));
    }

}
