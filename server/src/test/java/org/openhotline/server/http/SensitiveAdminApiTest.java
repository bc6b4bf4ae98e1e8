package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhotline.server.http.TestServer.JSON;
import static org.openhotline.server.http.TestServer.assertError;
import static org.openhotline.server.http.TestServer.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.nlu.sensitive.Category;
import org.openhotline.nlu.sensitive.SensitivePolicy;

/** The sensitive-word admin API on a real server: editors change words, the next chat message obeys, the audit shows the hit. */
class SensitiveAdminApiTest {
    static final String TOKEN = "test-admin-token-123";
    static final String WORD = "紫霞测试会";

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).build();

    @Test
    void withoutTheRightTokenTheAdminApiAnswers401() throws Exception {
        assertError(server.send("GET", "/api/admin/sensitive-words", null, null), 401, "not_signed_in"); // no token at all: sign in (accounts, issue 7)
        assertError(server.send("GET", "/api/admin/sensitive-words", null, "wrong"), 401, "unauthorized");
        assertError(server.send("POST", "/api/admin/sensitive-words", "{\"word\":\"x\",\"category\":\"abuse\"}", TOKEN + "x"), 401, "unauthorized");
        assertError(server.send("GET", "/api/admin/sensitive-audit", null, ""), 401, "unauthorized");
    }

    @Test
    void anAddedWordIsRefusedAtOnceAuditedWithoutTheMessageAndADeleteLetsItPass() throws Exception {
        assertEquals(org.openhotline.nlu.sensitive.Action.BLOCK, SensitivePolicy.defaults().action(org.openhotline.nlu.sensitive.Direction.INBOUND, Category.POLITICS));
        String message = "请问" + WORD + "在哪里报名，电话13800138000";
        String before = server.chat("adm-0", message).get("text").asText();
        String refusal = SensitivePolicy.defaults().reply(Category.POLITICS);
        assertNotEquals(refusal, before);

        HttpResponse<String> added = server.admin("POST", "/api/admin/sensitive-words", "{\"word\":\"" + WORD + "\",\"category\":\"politics\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertError(server.admin("POST", "/api/admin/sensitive-words", "{\"word\":\"" + WORD + "\",\"category\":\"politics\"}"), 409, "duplicate");
        JsonNode listed = JSON.readTree(server.admin("GET", "/api/admin/sensitive-words?category=politics", null).body());
        assertTrue(listed.get("words").toString().contains(WORD), "listed under its category");
        assertFalse(JSON.readTree(server.admin("GET", "/api/admin/sensitive-words?category=abuse", null).body()).get("words").toString().contains(WORD));

        JsonNode refused = server.chat("adm-1", message);
        assertEquals("fallback", refused.get("type").asText());
        assertEquals(refusal, refused.get("text").asText());

        HttpResponse<String> audit = server.admin("GET", "/api/admin/sensitive-audit?limit=100", null);
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

        HttpResponse<String> deleted = server.admin("DELETE", "/api/admin/sensitive-words/politics/" + enc(WORD), null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertError(server.admin("DELETE", "/api/admin/sensitive-words/politics/" + enc(WORD), null), 404, "not_found");
        assertNotEquals(refusal, server.chat("adm-2", message).get("text").asText());
    }

    @Test
    void aWordCanBeAddedWithHowItMayBeMatchedBySound() throws Exception {
        HttpResponse<String> literal = server.admin("POST", "/api/admin/sensitive-words", "{\"word\":\"紫霞字面词\",\"category\":\"abuse\",\"sound\":\"literal\"}");
        assertEquals(201, literal.statusCode(), literal.body());
        assertEquals("literal", JSON.readTree(literal.body()).get("sound").asText());
        HttpResponse<String> homophone = server.admin("POST", "/api/admin/sensitive-words", "{\"word\":\"紫霞谐音词\",\"category\":\"abuse\",\"sound\":\"homophone\"}");
        assertEquals("homophone_prone", JSON.readTree(homophone.body()).get("sound").asText());
        String listed = server.admin("GET", "/api/admin/sensitive-words?category=abuse", null).body();
        assertTrue(listed.contains("{\"word\":\"紫霞字面词\",\"category\":\"abuse\",\"sound\":\"literal\"}"), "stored with its sound mark");
        assertError(server.admin("POST", "/api/admin/sensitive-words", "{\"word\":\"紫霞\",\"category\":\"abuse\",\"sound\":\"loud\"}"), 400, "bad_sound");
    }

    @Test
    void theAuditIsNewestFirstAndHonoursTheLimit() throws Exception {
        server.chat("adm-n1", "楼下有人存放炸药怎么办");
        server.chat("adm-n2", "楼下有人存放炸药怎么办");
        JsonNode hits = JSON.readTree(server.admin("GET", "/api/admin/sensitive-audit?limit=1", null).body()).get("hits");
        assertEquals(1, hits.size());
        assertEquals("adm-n2", hits.get(0).get("sessionId").asText());
        assertEquals("flag", hits.get(0).get("action").asText(), "flagged hits are audited too");
    }

    @Test
    void theWhitelistCanBeListedExtendedAndShortened() throws Exception {
        String phrase = "测试白名单短语";
        assertEquals(201, server.admin("POST", "/api/admin/sensitive-whitelist", "{\"phrase\":\"" + phrase + "\"}").statusCode());
        assertError(server.admin("POST", "/api/admin/sensitive-whitelist", "{\"phrase\":\"" + phrase + "\"}"), 409, "duplicate");
        assertTrue(server.admin("GET", "/api/admin/sensitive-whitelist", null).body().contains(phrase));
        assertEquals(204, server.admin("DELETE", "/api/admin/sensitive-whitelist/" + enc(phrase), null).statusCode());
        assertFalse(server.admin("GET", "/api/admin/sensitive-whitelist", null).body().contains(phrase));
        assertError(server.admin("DELETE", "/api/admin/sensitive-whitelist/" + enc(phrase), null), 404, "not_found");
    }

    @Test
    void badRequestsGetA4xxWithAClearMessage() throws Exception {
        assertError(server.admin("POST", "/api/admin/sensitive-words", "{\"word\":\"x\",\"category\":\"weather\"}"), 400, "unknown_category");
        assertError(server.admin("POST", "/api/admin/sensitive-words", "{\"word\":\"  \",\"category\":\"abuse\"}"), 400, "empty_word");
        assertError(server.admin("POST", "/api/admin/sensitive-words", "{\"word\":\"" + "词".repeat(51) + "\",\"category\":\"abuse\"}"), 400, "word_too_long");
        assertError(server.admin("POST", "/api/admin/sensitive-words", "{\"category\":\"abuse\"}"), 400, "missing_word");
        assertError(server.admin("POST", "/api/admin/sensitive-words", "{\"word\":3,\"category\":\"abuse\"}"), 400, "bad_word");
        assertError(server.admin("POST", "/api/admin/sensitive-words", "{\"word\":\"x\",\"category\":\"abuse\",\"extra\":1}"), 400, "unknown_field");
        assertError(server.admin("POST", "/api/admin/sensitive-words", "{oops"), 400, "malformed_json");
        assertError(server.admin("POST", "/api/admin/sensitive-words", ""), 400, "empty_body");
        assertError(server.admin("GET", "/api/admin/sensitive-words?category=weather", null), 400, "unknown_category");
        assertError(server.admin("DELETE", "/api/admin/sensitive-words/weather/x", null), 400, "unknown_category");
        assertError(server.admin("GET", "/api/admin/sensitive-audit?limit=0", null), 400, "bad_limit");
        assertError(server.admin("GET", "/api/admin/sensitive-audit?limit=abc", null), 400, "bad_limit");
        assertError(server.admin("POST", "/api/admin/sensitive-whitelist", "{\"phrase\":\"\"}"), 400, "empty_phrase");
    }

}
