package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transcripts and handoffs over the admin API, on a real server: what an agent or editor reads of the bot's work. */
class ConversationAdminApiTest {
    static final String TOKEN = "conv-admin-token-456";

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).configYaml("""
            hours:
              groups:
                default: {workday: [24h], weekend: [24h], holiday: [24h]}
            """).build();

    @Test
    void theTranscriptShowsBothSidesAndTheHandoffCarriesItsSummary() throws Exception {
        assertEquals(200, server.send("POST", "/api/chat", "{\"sessionId\":\"adm-1\",\"text\":\"医保卡丢了怎么补办，电话13912345678\"}", null).statusCode());
        assertEquals(200, server.send("POST", "/api/chat", "{\"sessionId\":\"adm-1\",\"text\":\"转人工\"}", null).statusCode());
        JsonNode t = server.expect(200, "GET", "/api/admin/conversations/adm-1", null);
        assertEquals(4, t.get("count").asInt(), t.toString());
        JsonNode first = t.get("messages").get(0);
        assertEquals("in", first.get("direction").asText());
        assertTrue(first.get("nlu").get("entities").toString().contains("phone"), first.toString());
        JsonNode answer = t.get("messages").get(1);
        assertEquals("mi-033", answer.get("entryId").asText(), answer.toString());
        assertEquals("transfer", t.get("messages").get(3).get("type").asText());

        JsonNode h = server.expect(200, "GET", "/api/admin/handoffs?status=open&kind=transfer", null);
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
        assertEquals(401, server.send("GET", "/api/admin/handoffs", null, null).statusCode());
        assertEquals(400, server.send("GET", "/api/admin/handoffs?status=lost", null, TOKEN).statusCode());
        assertEquals(400, server.send("GET", "/api/admin/conversations/x?limit=0", null, TOKEN).statusCode());
        assertEquals(0, server.expect(200, "GET", "/api/admin/conversations/never-seen", null).get("count").asInt());
    }
}
