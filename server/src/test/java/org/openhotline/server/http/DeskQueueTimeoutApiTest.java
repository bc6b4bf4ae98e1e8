package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No agent is online and the group's queue timeout passes: the citizen's web chat socket gets the offer to leave a
 * message or ask for a call back, and the bot then takes the message down (what the page's 留言 button sends).
 */
class DeskQueueTimeoutApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.builder().configYaml("""
            desk:
              groups:
                - {code: "12345", name: "12345综合", strategy: least-busy, queue-timeout-seconds: 2}
            """).build();

    @Test
    void aCitizenWaitingTooLongIsOfferedAMessageOrACallBack() throws Exception {
        String session = "timeout-" + System.nanoTime();
        DeskSession.Frames citizen = DeskSession.Frames.citizen(server, "?session=" + session);
        assertEquals("transfer", server.chat(session, "转人工").get("type").asText());
        citizen.await("queued");
        JsonNode offer = citizen.await("queue_timeout");
        assertTrue(offer.path("options").toString().contains("留言"), offer.toString());
        assertTrue(offer.path("options").toString().contains("回电"), offer.toString());
        JsonNode reply = server.chat(session, "留言");
        assertEquals("outside_hours", reply.path("act").asText(), reply.toString()); // the bot asks for the message
        citizen.close();
    }
}
