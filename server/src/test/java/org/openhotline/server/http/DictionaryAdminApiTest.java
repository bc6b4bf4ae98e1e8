package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhotline.server.http.TestServer.JSON;
import static org.openhotline.server.http.TestServer.assertError;
import static org.openhotline.server.http.TestServer.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.nlu.lexicon.NluDictionaries;

/** The dictionary admin API on a real server: listing, adding and removing entries of every kind, and what it refuses. */
class DictionaryAdminApiTest {
    static final String TOKEN = "dictionary-admin-token-456";

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).build();

    @Test
    void withoutTheRightTokenTheDictionariesAnswer401() throws Exception {
        assertError(server.send("GET", "/api/admin/dictionaries", null, null), 401, "not_signed_in"); // no token at all: sign in (accounts, issue 7)
        assertError(server.send("GET", "/api/admin/dictionaries/word", null, "wrong"), 401, "unauthorized");
        assertError(server.send("POST", "/api/admin/dictionaries/stopword", "{\"word\":\"哈喽\"}", null), 401, "not_signed_in"); // no token at all: sign in (accounts, issue 7)
        assertError(server.send("POST", "/api/admin/dictionaries/publish", null, TOKEN + "x"), 401, "unauthorized");
        assertError(server.send("DELETE", "/api/admin/dictionaries/word/1", null, ""), 401, "unauthorized");
    }

    @Test
    void theSummaryCountsEachKindAndTheSeededDraftIsTheFirstVersionsDictionaries() throws Exception {
        JsonNode s = server.expect(200, "GET", "/api/admin/dictionaries", null);
        NluDictionaries bundled = NluDictionaries.bundled();
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (JsonNode k : s.get("kinds")) counts.put(k.get("kind").asText(), k.get("count").asInt());
        assertEquals(java.util.Set.of("word", "synonym", "stopword", "typo", "place"), counts.keySet());
        assertEquals(bundled.typos().size(), counts.get("typo"));
        assertEquals(bundled.places().size(), counts.get("place"));
        assertTrue(counts.get("word") > 50, s.toString());
        assertTrue(s.get("draft").get("revision").asLong() >= 1);
        assertEquals(1, s.get("published").get("version").asInt(), "the sample was published with the seeded dictionaries");
        assertEquals(64, s.get("published").get("snapshot").asText().length());
    }

    @Test
    void listingFiltersByQ() throws Exception {
        JsonNode typos = server.expect(200, "GET", "/api/admin/dictionaries/typo?q=" + enc("公基金"), null);
        assertEquals("typo", typos.get("kind").asText());
        assertEquals(1, typos.get("count").asInt(), typos.toString());
        JsonNode t = typos.get("entries").get(0);
        assertEquals("公基金", t.get("wrong").asText());
        assertEquals("公积金", t.get("right").asText());
        assertTrue(t.get("id").asLong() > 0);
        JsonNode places = server.expect(200, "GET", "/api/admin/dictionaries/place?q=" + enc("户县"), null);
        assertEquals("鄠邑区", places.get("entries").get(0).get("name").asText(), "q finds an alias");
        assertEquals("district", places.get("entries").get(0).get("type").asText());
        int all = server.expect(200, "GET", "/api/admin/dictionaries/stopword", null).get("count").asInt();
        assertEquals(NluDictionaries.bundled().stopwords().size(), all);
    }

    @Test
    void entriesOfEveryKindCanBeAddedOnceAndRemovedOnce() throws Exception {
        String[][] cases = {
            {"word", "{\"word\":\"测试专用词甲\",\"nature\":\"nz\"}"},
            {"synonym", "{\"canonical\":\"测试专用词乙\",\"variants\":[\"测试别名乙\"]}"},
            {"stopword", "{\"word\":\"测试停用词丙\"}"},
            {"typo", "{\"wrong\":\"测试错字丁\",\"right\":\"测试正字丁\"}"},
            {"place", "{\"name\":\"测试街道戊\",\"type\":\"street\",\"parent\":\"新城区\",\"aliases\":[\"测试戊\"]}"},
        };
        long revision = server.expect(200, "GET", "/api/admin/dictionaries", null).get("draft").get("revision").asLong();
        for (String[] c : cases) {
            String path = "/api/admin/dictionaries/" + c[0];
            JsonNode added = server.expect(201, "POST", path, c[1]);
            long id = added.get("id").asLong();
            JsonNode sent = JSON.readTree(c[1]);
            sent.fieldNames().forEachRemaining(f -> assertEquals(sent.get(f), added.get(f), c[0] + "." + f));
            assertError(server.admin("POST", path, c[1]), 409, "duplicate");
            assertTrue(server.expect(200, "GET", path, null).get("entries").toString().contains("\"id\":" + id));
            JsonNode summary = server.expect(200, "GET", "/api/admin/dictionaries", null);
            assertTrue(summary.get("unpublishedChanges").asBoolean(), "an edit is a draft until published");
            assertTrue(summary.get("draft").get("revision").asLong() > revision);
            revision = summary.get("draft").get("revision").asLong();
            assertEquals(204, server.admin("DELETE", path + "/" + id, null).statusCode());
            assertError(server.admin("DELETE", path + "/" + id, null), 404, "not_found");
            assertFalse(server.expect(200, "GET", path, null).get("entries").toString().contains("\"id\":" + id));
        }
        assertFalse(server.expect(200, "GET", "/api/admin/dictionaries", null).get("unpublishedChanges").asBoolean(),
                "after undoing every edit the draft is the published dictionaries again");
        assertError(server.admin("POST", "/api/admin/dictionaries/publish", null), 409, "unchanged");
    }

    @Test
    void badRequestsGetA4xxNamingTheField() throws Exception {
        String words = "/api/admin/dictionaries/word";
        assertError(server.admin("GET", "/api/admin/dictionaries/weather", null), 400, "unknown_kind");
        assertError(server.admin("POST", "/api/admin/dictionaries/weather", "{\"word\":\"x\"}"), 400, "unknown_kind");
        assertError(server.admin("DELETE", "/api/admin/dictionaries/weather/1", null), 400, "unknown_kind");
        assertError(server.admin("DELETE", words + "/abc", null), 400, "bad_id");
        assertError(server.admin("POST", words, ""), 400, "empty_body");
        assertError(server.admin("POST", words, "{oops"), 400, "malformed_json");
        assertError(server.admin("POST", words, "[1]"), 400, "not_an_object");
        assertError(server.admin("POST", words, "{\"word\":\"测试词\",\"pos\":\"n\"}"), 400, "unknown_field");
        assertError(server.admin("POST", words, "{}"), 400, "missing_word");
        assertError(server.admin("POST", words, "{\"word\":7}"), 400, "bad_word");
        assertError(server.admin("POST", words, "{\"word\":\"测\"}"), 400, "word_too_short");
        assertError(server.admin("POST", words, "{\"word\":\"测 试\"}"), 400, "bad_word");
        assertError(server.admin("POST", words, "{\"word\":\"" + "测".repeat(51) + "\"}"), 400, "word_too_long");
        assertError(server.admin("POST", words, "{\"word\":\"测试词\",\"nature\":\"qq\"}"), 400, "bad_nature");
        assertError(server.admin("POST", "/api/admin/dictionaries/synonym", "{\"canonical\":\"测试词\",\"variants\":\"别名\"}"), 400, "bad_variants");
        assertError(server.admin("POST", "/api/admin/dictionaries/synonym", "{\"canonical\":\"测试词\"}"), 400, "missing_variants");
        assertError(server.admin("POST", "/api/admin/dictionaries/typo", "{\"wrong\":\"测试词\",\"right\":\"测试词\"}"), 400, "bad_right");
        assertError(server.admin("POST", "/api/admin/dictionaries/place", "{\"name\":\"测试区\",\"type\":\"planet\",\"parent\":\"西安市\"}"), 400, "bad_type");
        assertError(server.admin("POST", "/api/admin/dictionaries/place", "{\"name\":\"测试区\",\"type\":\"district\"}"), 400, "missing_parent");
        assertError(server.admin("GET", words + "?q=" + "测".repeat(51), null), 400, "bad_q");
        assertError(server.admin("POST", "/api/admin/dictionaries/publish", "{\"note\":5}"), 400, "bad_note");
        assertError(server.admin("POST", "/api/admin/dictionaries/publish", "{\"title\":\"x\"}"), 400, "unknown_field");
        String message = JSON.readTree(server.admin("POST", words, "{\"word\":\"测试词\",\"nature\":\"qq\"}").body()).get("message").asText();
        assertTrue(message.contains("'nature'"), "the message names the field to fix: " + message);
    }
}
