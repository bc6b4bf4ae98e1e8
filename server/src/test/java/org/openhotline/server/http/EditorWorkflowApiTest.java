package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.index.KnowledgeIndex;

/**
 * The editors' weekly cycle over HTTP on the real product: collision check, draft, review rules, the regression gate
 * and its override, diff, one-action rollback, a scheduled publish, expiry reminders, the inbox, and the audit.
 */
class EditorWorkflowApiTest {
    static final String TOKEN = "editor-e2e-token-456";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestServer client = TestServer.builder().adminToken(TOKEN)
            .env("HOTLINE_KB_POLL_SECONDS", "1").env("HOTLINE_EDITOR_SCHEDULE_POLL_SECONDS", "1").build();

    static HttpResponse<String> as(String user, String role, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + client.app().port() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) b.header("X-Hotline-User", user);
        if (role != null) b.header("X-Hotline-Role", role);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode expect(int status, HttpResponse<String> r) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return r.body().isEmpty() ? null : TestServer.JSON.readTree(r.body());
    }

    static JsonNode editor(int status, String method, String path, String body) throws Exception {
        return expect(status, as("anna", "editor", method, path, body));
    }

    static JsonNode reviewer(int status, String method, String path, String body) throws Exception {
        return expect(status, as("bo", "reviewer", method, path, body));
    }

    static void awaitLive(int version) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (client.app().engine().indexes().liveVersion() != version) {
            if (System.nanoTime() > deadline) throw new AssertionError("version " + version + " never went live");
            Thread.sleep(100);
        }
    }

    static String liveAnswer(String id) {
        KnowledgeIndex idx = client.app().engine().indexes().acquire();
        try {
            return idx.entry(id) == null ? null : idx.entry(id).answer();
        } finally {
            idx.release();
        }
    }

    static String change(String kind, String entryId, JsonNode entry) throws Exception {
        ObjectNode n = TestServer.JSON.createObjectNode().put("kind", kind);
        if (entryId != null) n.put("entryId", entryId);
        if (entry != null) n.set("entry", entry);
        return n.toString();
    }

    @Test
    void theWeeklyCycleFromCollisionCheckToRollbackAndSchedule() throws Exception {
        awaitLive(1);
        // a similar question meant for si-002 already retrieves si-001: the editor sees it before saving
        JsonNode collision = client.expect(200, "POST", "/api/admin/kb/check-similar", "{\"entryId\":\"si-002\",\"question\":\"养老保险参保登记\"}");
        assertTrue(collision.get("collision").asBoolean(), collision.toString());
        assertEquals("si-001", collision.get("others").get(0).get("entryId").asText());
        assertTrue(collision.get("others").get(0).get("score").asDouble() > 0.15);

        String oldAnswer = liveAnswer("si-001");
        ObjectNode edited = (ObjectNode) client.expect(200, "GET", "/api/admin/kb/entries/si-001", null);
        edited.put("answer", "新口径：单位自用工之日起30日内办理参保登记（2026年修订）。");
        TestServer.assertError(as(null, null, "POST", "/api/admin/kb/changes", change("edit", "si-001", edited)), 400, "missing_user");
        TestServer.assertError(as("anna", "boss", "POST", "/api/admin/kb/changes", change("edit", "si-001", edited)), 400, "bad_role");
        TestServer.assertError(as("anna", "editor", "POST", "/api/admin/kb/changes", "{\"kind\":\"edit\",\"colour\":1}"), 400, "unknown_field");
        long edit = editor(201, "POST", "/api/admin/kb/changes", change("edit", "si-001", edited)).get("id").asLong();
        long delete = editor(201, "POST", "/api/admin/kb/changes", change("delete", "si-002", null)).get("id").asLong();
        TestServer.assertError(as("anna", "editor", "POST", "/api/admin/kb/changes/" + edit + "/approve", null), 403, "not_reviewer");
        TestServer.assertError(as("anna", "reviewer", "POST", "/api/admin/kb/changes/" + edit + "/approve", null), 403, "own_change");
        TestServer.assertError(as("anna", "editor", "POST", "/api/admin/kb/changes", change("delete", "si-002", null)), 409, "change_open");
        reviewer(200, "POST", "/api/admin/kb/changes/" + edit + "/approve", "{\"comment\":\"核对无误\"}");
        reviewer(200, "POST", "/api/admin/kb/changes/" + delete + "/approve", null);
        assertEquals(2, client.expect(200, "GET", "/api/admin/kb/changes?status=approved", null).get("count").asInt());

        // the eval's questions about si-001 and si-002 guard the publish
        List<String> lines = Files.readAllLines(Path.of("..", "eval", "data", "sample-queries.jsonl")).subList(0, 12);
        JsonNode saved = editor(201, "POST", "/api/admin/kb/test-questions", String.join("\n", lines));
        assertEquals(12, saved.get("total").asInt());
        JsonNode check = client.expect(200, "GET", "/api/admin/kb/publish/check", null);
        assertTrue(check.get("regression").asBoolean(), "deleting si-002 loses its questions: " + check);
        JsonNode report = check.get("report");
        assertTrue(report.get("hit1After").asDouble() < report.get("hit1Before").asDouble(), report.toString());
        assertTrue(report.get("changed").toString().contains("q-si-002-a"), report.toString());

        HttpResponse<String> refused = as("bo", "reviewer", "POST", "/api/admin/kb/publish", "{\"note\":\"weekly\"}");
        TestServer.assertError(refused, 409, "regression");
        assertTrue(TestServer.JSON.readTree(refused.body()).get("report").get("faqQuestions").asInt() > 0);
        JsonNode published = reviewer(201, "POST", "/api/admin/kb/publish", "{\"note\":\"weekly\",\"override\":\"si-002 merged into si-003 by policy\"}");
        assertEquals(2, published.get("version").asInt());
        awaitLive(2);
        assertEquals(edited.get("answer").asText(), liveAnswer("si-001"));
        assertEquals(null, liveAnswer("si-002"));

        JsonNode diff = client.expect(200, "GET", "/api/admin/kb/versions/2/diff", null);
        assertEquals("si-002", diff.get("removed").get(0).get("id").asText());
        assertEquals("si-001", diff.get("changed").get(0).get("entryId").asText());
        assertEquals("[\"answer\"]", diff.get("changed").get(0).get("fields").toString());
        assertEquals(0, diff.get("added").size());
        TestServer.assertError(client.admin("GET", "/api/admin/kb/versions/99/diff", null), 404, "no_version");

        TestServer.assertError(as("anna", "editor", "POST", "/api/admin/kb/versions/1/rollback", null), 403, "not_reviewer");
        assertEquals(3, reviewer(201, "POST", "/api/admin/kb/versions/1/rollback", "{\"note\":\"undo weekly\"}").get("version").asInt());
        awaitLive(3);
        assertEquals(oldAnswer, liveAnswer("si-001"));

        // a scheduled publish, with an expiry date editors are then reminded of
        ObjectNode expiring = (ObjectNode) client.expect(200, "GET", "/api/admin/kb/entries/si-003", null);
        expiring.put("valid_to", LocalDate.now().plusDays(5).toString());
        long exp = editor(201, "POST", "/api/admin/kb/changes", change("edit", "si-003", expiring)).get("id").asLong();
        reviewer(200, "POST", "/api/admin/kb/changes/" + exp + "/approve", null);
        JsonNode schedule = reviewer(201, "POST", "/api/admin/kb/schedules",
                "{\"at\":\"" + OffsetDateTime.now().minusSeconds(1) + "\",\"note\":\"Friday batch\"}");
        assertEquals("pending", schedule.get("status").asText());
        awaitLive(4);
        JsonNode soon = client.expect(200, "GET", "/api/admin/kb/expiring?days=14", null);
        assertEquals("si-003", soon.get("entries").get(0).get("id").asText(), soon.toString());
        assertEquals(5, soon.get("entries").get(0).get("daysLeft").asInt());
        assertEquals("done", client.expect(200, "GET", "/api/admin/kb/schedules", null).get("schedules").get(0).get("status").asText());

        List<String> actions = new ArrayList<>();
        client.expect(200, "GET", "/api/admin/kb/audit?limit=50", null).get("events").forEach(e -> actions.add(e.get("action").asText()));
        for (String a : List.of("draft_edit", "draft_delete", "approve", "publish_refused", "override", "publish", "rollback", "schedule", "test_questions")) {
            assertTrue(actions.contains(a), a + " in " + actions);
        }
        JsonNode draftEvent = client.expect(200, "GET", "/api/admin/kb/audit?subject=change:" + edit, null).get("events");
        assertEquals("anna", draftEvent.get(draftEvent.size() - 1).get("actor").asText());
        assertTrue(draftEvent.get(draftEvent.size() - 1).get("after").get("answer").asText().startsWith("新口径"));
    }

    @Test
    void unansweredQuestionsReachTheInboxAndBecomeADraftOrAreDismissed() throws Exception {
        awaitLive(client.app().engine().indexes().liveVersion() == 0 ? 1 : client.app().engine().indexes().liveVersion());
        String[] fallbacks = {"火星移民签证在哪里办理", "去火星移民的签证怎么办", "我家猫咪的疫苗证明去哪开", "宠物猫疫苗证明在哪里开"};
        int i = 0;
        for (String text : fallbacks) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + client.app().port() + "/api/chat"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"inbox-" + (i++) + "\",\"text\":\"" + text + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
        JsonNode inbox = client.expect(200, "GET", "/api/admin/inbox", null);
        assertTrue(inbox.get("questions").asInt() >= 4, inbox.toString());
        JsonNode mars = null, cat = null;
        for (JsonNode c : inbox.get("clusters")) {
            if (c.get("examples").toString().contains("火星")) mars = c;
            if (c.get("examples").toString().contains("猫")) cat = c;
        }
        assertTrue(mars != null && cat != null, inbox.toString());
        assertFalse(mars.get("id").asText().equals(cat.get("id").asText()), "two meanings, two clusters: " + inbox);
        assertEquals(2, mars.get("count").asInt(), "two wordings of one question, one cluster: " + inbox);

        reviewer(200, "POST", "/api/admin/inbox/" + mars.get("id").asText() + "/dismiss", null);
        JsonNode draft = editor(201, "POST", "/api/admin/inbox/" + cat.get("id").asText() + "/similar", "{\"entryId\":\"si-005\"}");
        assertEquals("edit", draft.get("kind").asText());
        assertTrue(draft.get("after").get("similar").toString().contains("猫"), draft.toString());
        JsonNode after = client.expect(200, "GET", "/api/admin/inbox", null);
        assertFalse(after.toString().contains("火星") || after.toString().contains("猫咪"), "handled clusters leave the inbox: " + after);
        TestServer.assertError(as("anna", "editor", "POST", "/api/admin/inbox/" + mars.get("id").asText() + "/dismiss", null), 404, "no_cluster");
        editor(200, "POST", "/api/admin/kb/changes/" + draft.get("id").asLong() + "/withdraw", null);
    }
}
