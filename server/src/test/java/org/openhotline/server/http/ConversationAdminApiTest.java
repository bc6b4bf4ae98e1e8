package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Transcripts and handoffs over the admin API, on a real server: what an agent or editor reads of the bot's work. */
class ConversationAdminApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String TOKEN = "conv-admin-token-456";

    @TempDir
    static Path data;
    static HotlineApp app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        java.nio.file.Files.writeString(data.resolve("hotline.yml"), """
                hours:
                  groups:
                    default: {workday: [24h], weekend: [24h], holiday: [24h]}
                """);
        HotlineConfig config = HotlineConfig.load(data.resolve("hotline.yml"), Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
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

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null, TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void theTranscriptShowsBothSidesAndTheHandoffCarriesItsSummary() throws Exception {
        assertEquals(200, send("POST", "/api/chat", "{\"sessionId\":\"adm-1\",\"text\":\"医保卡丢了怎么补办，电话13912345678\"}", null).statusCode());
        assertEquals(200, send("POST", "/api/chat", "{\"sessionId\":\"adm-1\",\"text\":\"转人工\"}", null).statusCode());
        JsonNode t = get("/api/admin/conversations/adm-1");
        assertEquals(4, t.get("count").asInt(), t.toString());
        JsonNode first = t.get("messages").get(0);
        assertEquals("in", first.get("direction").asText());
        assertTrue(first.get("nlu").get("entities").toString().contains("phone"), first.toString());
        JsonNode answer = t.get("messages").get(1);
        assertEquals("mi-033", answer.get("entryId").asText(), answer.toString());
        assertEquals("transfer", t.get("messages").get(3).get("type").asText());

        JsonNode h = get("/api/admin/handoffs?status=open&kind=transfer");
        JsonNode mine = null;
        for (JsonNode x : h.get("handoffs")) if (x.get("sessionId").asText().equals("adm-1")) mine = x;
        assertTrue(mine != null, h.toString());
        assertEquals("keyword", mine.get("reason").asText());
        assertEquals("医保", mine.get("skillGroup").asText());
        assertTrue(mine.get("summary").get("entities").toString().contains("phone=13912345678"), mine.toString());
        assertEquals(3, mine.get("summary").get("transcript").size(), "both earlier messages and the request: " + mine);
    }

    @Test
    void badParametersAndMissingTokenAreRefused() throws Exception {
        assertEquals(401, send("GET", "/api/admin/handoffs", null, null).statusCode());
        assertEquals(400, send("GET", "/api/admin/handoffs?status=lost", null, TOKEN).statusCode());
        assertEquals(400, send("GET", "/api/admin/conversations/x?limit=0", null, TOKEN).statusCode());
        assertEquals(0, get("/api/admin/conversations/never-seen").get("count").asInt());
    }
}
