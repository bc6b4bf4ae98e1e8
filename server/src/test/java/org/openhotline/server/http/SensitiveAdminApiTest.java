package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.nlu.sensitive.Category;
import org.openhotline.nlu.sensitive.SensitivePolicy;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;

/** The sensitive-word admin API on a real server: editors change words, the next chat message obeys, the audit shows the hit. */
class SensitiveAdminApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String TOKEN = "test-admin-token-123";
    static final String WORD = "紫霞测试会";

    @TempDir
    static Path data;
    static HotlineApp app;
    static String base;

    @BeforeAll
    static void start() {
        HotlineConfig config = HotlineConfig.load(null, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0", "HOTLINE_SERVER_ADMIN_TOKEN", TOKEN));
        app = new HotlineApp(config).start(ProgressListener.NONE);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, path, body, TOKEN);
    }

    static JsonNode chat(String session, String text) throws Exception {
        HttpResponse<String> r = send("POST", "/api/chat", JSON.writeValueAsString(Map.of("sessionId", session, "text", text)), null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void withoutTheRightTokenTheAdminApiAnswers401() throws Exception {
        assertError(send("GET", "/api/admin/sensitive-words", null, null), 401, "unauthorized");
        assertError(send("GET", "/api/admin/sensitive-words", null, "wrong"), 401, "unauthorized");
        assertError(send("POST", "/api/admin/sensitive-words", "{\"word\":\"x\",\"category\":\"abuse\"}", TOKEN + "x"), 401, "unauthorized");
        assertError(send("GET", "/api/admin/sensitive-audit", null, ""), 401, "unauthorized");
    }

    @Test
    void anAddedWordIsRefusedAtOnceAuditedWithoutTheMessageAndADeleteLetsItPass() throws Exception {
        assertEquals(org.openhotline.nlu.sensitive.Action.BLOCK, SensitivePolicy.defaults().action(org.openhotline.nlu.sensitive.Direction.INBOUND, Category.POLITICS));
        String message = "请问" + WORD + "在哪里报名，电话13800138000";
        String before = chat("adm-0", message).get("text").asText();
        String refusal = SensitivePolicy.defaults().reply(Category.POLITICS);
        assertNotEquals(refusal, before);

        HttpResponse<String> added = admin("POST", "/api/admin/sensitive-words", "{\"word\":\"" + WORD + "\",\"category\":\"politics\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertError(admin("POST", "/api/admin/sensitive-words", "{\"word\":\"" + WORD + "\",\"category\":\"politics\"}"), 409, "duplicate");
        JsonNode listed = JSON.readTree(admin("GET", "/api/admin/sensitive-words?category=politics", null).body());
        assertTrue(listed.get("words").toString().contains(WORD), "listed under its category");
        assertFalse(JSON.readTree(admin("GET", "/api/admin/sensitive-words?category=abuse", null).body()).get("words").toString().contains(WORD));

        JsonNode refused = chat("adm-1", message);
        assertEquals("fallback", refused.get("type").asText());
        assertEquals(refusal, refused.get("text").asText());

        HttpResponse<String> audit = admin("GET", "/api/admin/sensitive-audit?limit=100", null);
        assertEquals(200, audit.statusCode(), audit.body());
        JsonNode hit = null;
        for (JsonNode h : JSON.readTree(audit.body()).get("hits")) if (h.get("sessionId").asText().equals("adm-1")) hit = h;
        assertTrue(hit != null, audit.body());
        assertEquals(WORD, hit.get("word").asText());
        assertEquals("politics", hit.get("category").asText());
        assertEquals("inbound", hit.get("direction").asText());
        assertEquals("block", hit.get("action").asText());
        assertFalse(audit.body().contains("报名"), "no message text in the audit");
        assertFalse(audit.body().contains("13800138000"), "no personal data in the audit");

        HttpResponse<String> deleted = admin("DELETE", "/api/admin/sensitive-words/politics/" + enc(WORD), null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertError(admin("DELETE", "/api/admin/sensitive-words/politics/" + enc(WORD), null), 404, "not_found");
        assertNotEquals(refusal, chat("adm-2", message).get("text").asText());
    }

    @Test
    void theAuditIsNewestFirstAndHonoursTheLimit() throws Exception {
        chat("adm-n1", "楼下有人存放炸药怎么办");
        chat("adm-n2", "楼下有人存放炸药怎么办");
        JsonNode hits = JSON.readTree(admin("GET", "/api/admin/sensitive-audit?limit=1", null).body()).get("hits");
        assertEquals(1, hits.size());
        assertEquals("adm-n2", hits.get(0).get("sessionId").asText());
        assertEquals("flag", hits.get(0).get("action").asText(), "flagged hits are audited too");
    }

    @Test
    void theWhitelistCanBeListedExtendedAndShortened() throws Exception {
        String phrase = "测试白名单短语";
        assertEquals(201, admin("POST", "/api/admin/sensitive-whitelist", "{\"phrase\":\"" + phrase + "\"}").statusCode());
        assertError(admin("POST", "/api/admin/sensitive-whitelist", "{\"phrase\":\"" + phrase + "\"}"), 409, "duplicate");
        assertTrue(admin("GET", "/api/admin/sensitive-whitelist", null).body().contains(phrase));
        assertEquals(204, admin("DELETE", "/api/admin/sensitive-whitelist/" + enc(phrase), null).statusCode());
        assertFalse(admin("GET", "/api/admin/sensitive-whitelist", null).body().contains(phrase));
        assertError(admin("DELETE", "/api/admin/sensitive-whitelist/" + enc(phrase), null), 404, "not_found");
    }

    @Test
    void badRequestsGetA4xxWithAClearMessage() throws Exception {
        assertError(admin("POST", "/api/admin/sensitive-words", "{\"word\":\"x\",\"category\":\"weather\"}"), 400, "unknown_category");
        assertError(admin("POST", "/api/admin/sensitive-words", "{\"word\":\"  \",\"category\":\"abuse\"}"), 400, "empty_word");
        assertError(admin("POST", "/api/admin/sensitive-words", "{\"word\":\"" + "词".repeat(51) + "\",\"category\":\"abuse\"}"), 400, "word_too_long");
        assertError(admin("POST", "/api/admin/sensitive-words", "{\"category\":\"abuse\"}"), 400, "missing_word");
        assertError(admin("POST", "/api/admin/sensitive-words", "{\"word\":3,\"category\":\"abuse\"}"), 400, "bad_word");
        assertError(admin("POST", "/api/admin/sensitive-words", "{\"word\":\"x\",\"category\":\"abuse\",\"extra\":1}"), 400, "unknown_field");
        assertError(admin("POST", "/api/admin/sensitive-words", "{oops"), 400, "malformed_json");
        assertError(admin("POST", "/api/admin/sensitive-words", ""), 400, "empty_body");
        assertError(admin("GET", "/api/admin/sensitive-words?category=weather", null), 400, "unknown_category");
        assertError(admin("DELETE", "/api/admin/sensitive-words/weather/x", null), 400, "unknown_category");
        assertError(admin("GET", "/api/admin/sensitive-audit?limit=0", null), 400, "bad_limit");
        assertError(admin("GET", "/api/admin/sensitive-audit?limit=abc", null), 400, "bad_limit");
        assertError(admin("POST", "/api/admin/sensitive-whitelist", "{\"phrase\":\"\"}"), 400, "empty_phrase");
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(code, body.get("error").asText(), r.body());
        assertFalse(body.get("message").asText().isBlank());
    }
}
