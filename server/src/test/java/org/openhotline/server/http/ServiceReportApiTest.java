package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhotline.server.http.TestServer.assertError;
import static org.openhotline.server.http.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/admin/reports/service} on the whole product: a supervisor gets the rates of the handovers and missed
 * calls in the database (days in Asia/Shanghai), a group leader only their groups, editors and reviewers nothing; bad
 * dates and ranges are 400s that say why; the Excel export carries the same totals.
 */
class ServiceReportApiTest {
    static final String DB = "jdbc:h2:mem:sla" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";
    static final String REPORT = "/api/admin/reports/service?from=2026-03-02&to=2026-03-03";

    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_DATABASE_URL", DB).env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true")
            .env("HOTLINE_AUTH_ARGON2_MEMORY_KIB", "64").env("HOTLINE_AUTH_ARGON2_ITERATIONS", "1").adminToken("sla-token").build();

    /** 20 社保 calls on 2 March (Beijing): 19 answered (17 within 20 s), one timed out and called back; one 其他 chat. */
    @BeforeAll
    static void rows() throws Exception {
        try (Connection c = DriverManager.getConnection(DB)) {
            Instant day = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 in Beijing
            for (int i = 0; i < 20; i++) chat(c, i + 1, "voice", "社保", day.plusSeconds(60L * i), i == 19 ? null : (i < 17 ? 10 : 60), i == 19 ? "queue-timeout" : "resolved");
            chat(c, 21, "web", "其他", day, 5, "resolved"); // a group no sample account serves
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO callback_task (kind, phone, channel, skill_group, reason, status, outcome, attempts, contacts, "
                    + "last_contact_at, due_at, created_at, done_at) VALUES ('MISSED_CALL', '13800138000', 'voice', '社保', 'no_agent', 'DONE', 'REACHED', 0, 1, ?, ?, ?, ?)")) {
                Timestamp t = Timestamp.from(day.plusSeconds(3600));
                ps.setTimestamp(1, t);
                ps.setTimestamp(2, t);
                ps.setTimestamp(3, t);
                ps.setTimestamp(4, t);
                ps.executeUpdate();
            }
        }
    }

    static void chat(Connection c, long id, String channel, String group, Instant queued, Integer waited, String endReason) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO desk_chat (chat_id, session_id, channel, skill_group, first_group, status, priority, "
                + "summary, queued_at, accepted_at, ended_at, end_reason, last_seq, overflowed, declined_csv, notified_position, agent_read_seq, citizen_read_seq) "
                + "VALUES (?, ?, ?, ?, ?, 'ENDED', 0, '{}', ?, ?, ?, ?, 0, FALSE, '', 0, 0, 0)")) {
            ps.setLong(1, 900000 + id);
            ps.setString(2, "sla-" + id);
            ps.setString(3, channel);
            ps.setString(4, group);
            ps.setString(5, group);
            ps.setTimestamp(6, Timestamp.from(queued));
            ps.setTimestamp(7, waited == null ? null : Timestamp.from(queued.plusSeconds(waited)));
            ps.setTimestamp(8, Timestamp.from(queued.plusSeconds(900)));
            ps.setString(9, endReason);
            ps.executeUpdate();
        }
    }

    /** A signed-in browser's GETs (no CSRF token needed to read). */
    static HttpClient signIn(String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.JSON.writeValueAsString(Map.of("username", user, "password", "demo-" + user + "-2026")))).build(),
                HttpResponse.BodyHandlers.ofString());
        ok(r, 200);
        return http;
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.app().port() + path);
    }

    static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSupervisorGetsTheRatesOfEveryGroup() throws Exception {
        JsonNode r = ok(get(signIn("supervisor1"), REPORT), 200);
        JsonNode t = r.get("totals");
        assertEquals(21, t.get("offered").asInt());
        assertEquals(20, t.get("answered").asInt());
        assertEquals(18, t.get("answeredWithin").asInt(), "17 社保 calls at 10 s and the 其他 chat at 5 s");
        assertEquals(1, t.get("timedOut").asInt());
        assertEquals(1, t.get("reached").asInt());
        assertEquals(20.0 / 21, t.get("answerRate").asDouble(), 1e-9);
        assertEquals(1.0, t.get("acceptanceRate").asDouble(), 1e-9);
        assertEquals(0.95, r.get("targets").get("answerRate").asDouble(), 1e-9);
        assertEquals(20, r.get("within").asInt());
        assertEquals("2026-03-02", r.get("days").get(0).get("day").asText());
        assertEquals(21, r.get("days").get(0).get("offered").asInt());
        assertEquals(0, r.get("days").get(1).get("offered").asInt(), "a quiet day is listed too");
        assertEquals(2, r.get("groups").size());
        JsonNode voice = ok(get(signIn("admin"), REPORT + "&channel=voice&within=60"), 200).get("totals");
        assertEquals(20, voice.get("offered").asInt());
        assertEquals(19, voice.get("answeredWithin").asInt());
        assertEquals(0.95, voice.get("answerRate").asDouble(), 1e-9);
        assertEquals(0.05, voice.get("callbackRate").asDouble(), 1e-9);
        assertEquals(1.0, voice.get("acceptanceRate").asDouble(), 1e-9, "the tender's 95% + 5% = 100%");
    }

    @Test
    void aGroupLeaderSeesOnlyTheGroupsOfTheirAccount() throws Exception {
        JsonNode r = ok(get(signIn("leader1"), REPORT), 200);
        assertEquals(20, r.get("totals").get("offered").asInt(), "not the 其他 chat");
        assertEquals(1, r.get("groups").size());
        assertEquals("社保", r.get("groups").get(0).get("group").asText());
    }

    @Test
    void editorsReviewersAndAgentsAreRefusedButStillSeeTheQuestionReport() throws Exception {
        for (String user : new String[] {"editor1", "reviewer1", "agent1"}) {
            HttpClient http = signIn(user);
            assertError(get(http, REPORT), 403, "forbidden");
            assertError(get(http, "/api/admin/reports/service/export?as=json"), 403, "forbidden");
        }
        assertEquals(200, get(signIn("editor1"), "/api/admin/reports/questions").statusCode());
        assertError(server.get(REPORT), 401, "not_signed_in");
    }

    @Test
    void badDatesAndRangesAreRefusedSayingWhy() throws Exception {
        HttpClient http = signIn("supervisor1");
        assertError(get(http, "/api/admin/reports/service?from=2026-13-01"), 400, "bad_from");
        assertError(get(http, "/api/admin/reports/service?from=2026-03-05&to=2026-03-01"), 400, "bad_range");
        assertError(get(http, "/api/admin/reports/service?from=2024-01-01&to=2026-01-01"), 400, "bad_range");
        assertTrue(get(http, "/api/admin/reports/service?from=2024-01-01&to=2026-01-01").body().contains("366"));
        assertError(get(http, REPORT + "&within=abc"), 400, "bad_within");
        assertError(get(http, REPORT + "&channel=" + TestServer.enc("'; DROP")), 400, "bad_channel");
        assertEquals(7, ok(get(http, "/api/admin/reports/service"), 200).get("days").size(), "default: the last 7 days");
    }

    @Test
    void theExcelExportCarriesTheSameTotals() throws Exception {
        JsonNode file = ok(server.admin("GET", "/api/admin/reports/service/export?from=2026-03-02&to=2026-03-03&as=json", null), 200);
        assertTrue(file.get("filename").asText().startsWith("服务水平报表-2026-03-02"), file.toString());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(file.get("base64").asText())))) {
            var totals = wb.getSheet("合计");
            assertEquals("转人工量", totals.getRow(4).getCell(0).getStringCellValue());
            assertEquals(21, (int) totals.getRow(4).getCell(1).getNumericCellValue());
            assertEquals("受理率", totals.getRow(16).getCell(0).getStringCellValue());
            assertEquals("100.0%", totals.getRow(16).getCell(1).getStringCellValue());
            assertEquals("社保", wb.getSheet("按技能组").getRow(2).getCell(0).getStringCellValue());
            assertEquals(20, (int) wb.getSheet("按技能组").getRow(2).getCell(1).getNumericCellValue());
            assertEquals(2, wb.getSheet("按日").getLastRowNum(), "a heading and two days");
        }
    }
}
