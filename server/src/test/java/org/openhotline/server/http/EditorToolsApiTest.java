package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.io.EntryFiles;
import org.openhotline.kb.io.ImportResult;
import org.openhotline.kb.model.Entry;

/**
 * The console's tools over HTTP on the real product: the server-side entry search, import as drafts (row report, all or
 * nothing, uploads larger than server.max-body-kb), export of a version or a filtered set, the hot and hardest questions
 * report and its workbook, and the configured expiry reminder window.
 */
class EditorToolsApiTest {
    static final String TOKEN = "editor-tools-token-321";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).env("HOTLINE_EDITOR_EXPIRY_REMINDER_DAYS", "30").build();

    static HttpResponse<String> as(String user, String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port() + path))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + TOKEN)
                .header("X-Hotline-User", user).header("X-Hotline-Role", "editor")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode get(String path) throws Exception {
        return server.expect(200, "GET", path, null);
    }

    static JsonNode upload(String user, String filename, byte[] file) throws Exception {
        String body = TestServer.JSON.writeValueAsString(Map.of("filename", filename, "content", Base64.getEncoder().encodeToString(file)));
        HttpResponse<String> r = as(user, "POST", "/api/admin/kb/import", "application/json", body.getBytes(StandardCharsets.UTF_8));
        return ((com.fasterxml.jackson.databind.node.ObjectNode) TestServer.JSON.readTree(r.body())).put("status", r.statusCode());
    }

    static byte[] file(JsonNode envelope) {
        return Base64.getDecoder().decode(envelope.get("base64").asText());
    }

    static ImportResult read(byte[] bytes, String name) {
        return EntryFiles.read(new ByteArrayInputStream(bytes), name, name);
    }

    @Test
    void searchFiltersAndPagesOnTheServer() throws Exception {
        JsonNode all = get("/api/admin/kb/entries?limit=500");
        int total = all.get("total").asInt();
        assertTrue(total > 100, all.toString());
        assertEquals(total, all.get("entries").size());
        assertFalse(all.get("categories").isEmpty());

        JsonNode page1 = get("/api/admin/kb/entries?q=" + TestServer.enc("公积金") + "&limit=5");
        JsonNode page2 = get("/api/admin/kb/entries?q=" + TestServer.enc("公积金") + "&limit=5&offset=5");
        assertTrue(page1.get("total").asInt() > 5 && page1.get("total").asInt() < total, page1.toString());
        assertEquals(5, page1.get("entries").size());
        assertFalse(page1.get("entries").get(0).get("entry").get("id").equals(page2.get("entries").get(0).get("entry").get("id")));
        for (JsonNode h : page1.get("entries")) {
            assertTrue(h.get("entry").toString().contains("公积金"), h.toString());
            assertEquals("live", h.get("state").asText());
            assertFalse(h.get("lastChanged").isNull());
        }
        String category = all.get("categories").get(0).asText();
        for (JsonNode h : get("/api/admin/kb/entries?limit=500&category=" + TestServer.enc(category)).get("entries")) {
            String c = h.get("entry").get("category").asText();
            assertTrue(c.equals(category) || c.startsWith(category + "/"), c);
        }
        assertEquals(0, get("/api/admin/kb/entries?state=expired").get("total").asInt());
        TestServer.assertError(server.admin("GET", "/api/admin/kb/entries?state=gone", null), 400, "bad_state");
        TestServer.assertError(server.admin("GET", "/api/admin/kb/entries?limit=100000", null), 400, "bad_limit");
        TestServer.assertError(server.admin("GET", "/api/admin/kb/entries?changedFrom=yesterday", null), 400, "bad_changedFrom");
    }

    @Test
    void anImportBecomesDraftsOrNothingAndExportsRoundTrip() throws Exception {
        // the whole version as JSON Lines: larger than server.max-body-kb (64 KB), still accepted as an upload
        byte[] jsonl = file(get("/api/admin/kb/export?format=jsonl&as=json"));
        assertTrue(jsonl.length > 64 * 1024, "export of " + jsonl.length + " bytes");
        List<Entry> entries = read(jsonl, "kb.jsonl").entries();
        HttpResponse<String> raw = as("imogen", "POST", "/api/admin/kb/import?filename=kb.jsonl", "application/octet-stream", jsonl);
        JsonNode same = TestServer.ok(raw, 201);
        assertEquals(entries.size(), same.get("unchanged").asInt());
        assertEquals(0, same.get("changes").size());

        // one row changed, one new, one broken: nothing is imported and the broken row is named
        Entry first = entries.get(0);
        String edited = line(first.id(), first.category(), first.question(), "导入测试的新口径。");
        String created = line("import-new-1", "测试", "导入测试新增的问题是什么", "导入测试新增的答案。");
        String broken = line("import-broken", "测试", "没有答案的问题", "");
        JsonNode refused = upload("imogen", "changes.jsonl", String.join("\n", edited, broken, created).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, refused.get("status").asInt(), refused.toString());
        assertEquals("import_refused", refused.get("error").asText());
        assertFalse(refused.get("imported").asBoolean());
        assertEquals(2, refused.get("problems").get(0).get("row").asInt(), refused.toString());
        assertTrue(refused.get("problems").get(0).get("message").asText().contains("answer"), refused.toString());
        int draftsBefore = get("/api/admin/kb/changes?status=draft").get("count").asInt();

        JsonNode ok = upload("imogen", "changes.jsonl", String.join("\n", edited, created).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, ok.get("status").asInt(), ok.toString());
        assertEquals(1, ok.get("created").asInt());
        assertEquals(1, ok.get("edited").asInt());
        assertEquals(2, ok.get("changes").size());
        JsonNode drafts = get("/api/admin/kb/changes?status=draft");
        assertEquals(draftsBefore + 2, drafts.get("count").asInt());
        assertTrue(drafts.toString().contains("导入测试的新口径"), drafts.toString());
        assertTrue(get("/api/admin/kb/audit?subject=" + TestServer.enc("import:changes.jsonl")).get("count").asInt() == 1);
        assertEquals("open", get("/api/admin/kb/entries?q=" + TestServer.enc(first.id())).get("entries").get(0).get("state").asText());

        // the same file again: each entry already has a change under way, so nothing is imported
        JsonNode again = upload("imogen", "changes.jsonl", String.join("\n", edited, created).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, again.get("status").asInt(), again.toString());
        assertEquals(2, again.get("problems").size());
        assertTrue(again.get("problems").get(0).get("message").asText().contains("under way"));
        assertEquals(draftsBefore + 2, get("/api/admin/kb/changes?status=draft").get("count").asInt());

        TestServer.assertError(as("imogen", "POST", "/api/admin/kb/import?filename=kb.csv", "text/csv", "a,b".getBytes()), 400, "bad_file");
        TestServer.assertError(as("imogen", "POST", "/api/admin/kb/import?filename=kb.xlsx", "application/octet-stream", "not excel".getBytes()), 400, "bad_file");
    }

    @Test
    void aFilteredSetExportsAsExcelOrJsonLines() throws Exception {
        String q = TestServer.enc("医保");
        int matches = get("/api/admin/kb/entries?limit=1&q=" + q).get("total").asInt();
        JsonNode xlsx = get("/api/admin/kb/export?format=xlsx&as=json&q=" + q);
        assertTrue(xlsx.get("filename").asText().endsWith("-filtered.xlsx"), xlsx.get("filename").asText());
        List<Entry> read = read(file(xlsx), "x.xlsx").entries();
        assertEquals(matches, read.size());
        for (Entry e : read) assertTrue((e.question() + e.answer() + e.similar() + e.keywords() + e.id()).contains("医保"), e.toString());
        HttpResponse<String> download = server.admin("GET", "/api/admin/kb/export?format=jsonl&version=1", null);
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("knowledge-v1.jsonl"));
        assertEquals(get("/api/admin/kb/versions").get("versions").get(0).get("entries").asInt(), download.body().strip().split("\n").length);
        TestServer.assertError(server.admin("GET", "/api/admin/kb/export?format=pdf", null), 400, "bad_format");
        TestServer.assertError(server.admin("GET", "/api/admin/kb/export?version=99", null), 404, "no_version");
    }

    @Test
    void hotAndHardestQuestionsCountTheLogAndExportToExcel() throws Exception {
        JsonNode a = server.chat("report-1", "社保卡怎么激活");
        assertEquals("answer", a.get("type").asText(), a.toString());
        String entry = a.get("entryId").asText();
        server.chat("report-2", "社保卡怎么激活");
        server.chat("report-3", "社保卡如何激活");
        server.expect(200, "POST", "/api/chat/feedback", TestServer.JSON.writeValueAsString(Map.of("sessionId", "report-3", "entryId", entry, "helpful", false)));
        server.chat("report-4", "火星上的社保怎么交");

        JsonNode r = get("/api/admin/reports/questions");
        assertTrue(r.get("asked").asInt() >= 4, r.toString());
        JsonNode hot = r.get("hotEntries").get(0);
        assertEquals(entry, hot.get("entryId").asText(), r.toString());
        assertEquals(3, hot.get("count").asInt());
        assertEquals(3, hot.get("sessions").asInt());
        assertFalse(hot.get("question").isNull());
        List<String> hardIds = new ArrayList<>();
        r.get("hardEntries").forEach(h -> hardIds.add(h.get("entryId").asText()));
        assertTrue(hardIds.contains(entry), r.toString());
        assertTrue(r.get("hotClusters").toString().contains("社保卡"), r.toString());

        // a range before the messages has none of them
        JsonNode empty = get("/api/admin/reports/questions?from=2020-01-01&to=2020-01-07");
        assertEquals(0, empty.get("asked").asInt());
        assertEquals(0, empty.get("hotEntries").size());

        JsonNode xlsx = get("/api/admin/reports/questions/export?as=json");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file(xlsx)))) {
            assertEquals("热点问题（条目）", wb.getSheetName(1));
            assertEquals(entry, wb.getSheet("热点问题（条目）").getRow(1).getCell(1).getStringCellValue());
            assertEquals(3, (int) wb.getSheet("热点问题（条目）").getRow(1).getCell(4).getNumericCellValue());
        }
        TestServer.assertError(server.admin("GET", "/api/admin/reports/questions?from=2026-02-01&to=2026-01-01", null), 400, "bad_range");
        TestServer.assertError(server.admin("GET", "/api/admin/reports/questions?from=2020-01-01&to=2026-01-01", null), 400, "bad_range");
    }

    @Test
    void expiryRemindersUseTheConfiguredWindow() throws Exception {
        assertEquals(30, get("/api/admin/kb/expiring").get("days").asInt());
        assertEquals(3, get("/api/admin/kb/expiring?days=3").get("days").asInt());
    }

    static String line(String id, String category, String question, String answer) throws Exception {
        return TestServer.JSON.writeValueAsString(Map.of("id", id, "category", category, "question", question, "answer", answer));
    }
}
