package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scale-out end to end: two whole products over the real PostgreSQL (a throwaway schema) and the real Redis (a random
 * key prefix). The citizen's web chat socket is on node A, the agent's console on node B: the offer, the accept, the
 * agent's reply and the citizen's answer each cross the nodes once, and a console reconnecting on B loses and repeats
 * nothing.
 */
class DeskTwoNodesIT {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    @RegisterExtension
    static final Schema schema = new Schema("desk_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    @RegisterExtension
    static final TestServer nodeA = node();
    @RegisterExtension
    static final TestServer nodeB = node();

    static TestServer node() {
        return TestServer.builder().env("HOTLINE_DATABASE_URL", PG + "?currentSchema=" + schema.name)
                .env("HOTLINE_DATABASE_USER", schema.user)
                .env("HOTLINE_REDIS_URL", System.getProperty("hotline.redis.url", "redis://127.0.0.1:6379"))
                .env("HOTLINE_REDIS_PREFIX", "it-" + schema.name + ":")
                .env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true").build();
    }

    @Test
    void citizenOnNodeAAndAgentOnNodeBTalkThroughTheSharedDesk() throws Exception {
        String session = "two-nodes-" + System.nanoTime();
        DeskSession.Frames citizen = DeskSession.Frames.citizen(nodeA, "?session=" + session);
        DeskSession agent = DeskSession.login(nodeB, "agent1", "demo-agent1-2026");
        DeskSession.Frames console = agent.agentSocket(""); // opening the console on B sets the agent online
        console.await("snapshot");

        nodeA.chat(session, "转人工");
        JsonNode offered = console.await("chat");
        String chatId = offered.path("chat").path("id").asText();
        assertEquals("OFFERED", offered.path("chat").path("state").asText(), offered.toString());
        agent.expect(200, "POST", "/api/desk/chats/" + chatId + "/accept", "{}");
        assertEquals("坐席一号", citizen.await("accepted").path("agentName").asText());

        agent.expect(201, "POST", "/api/desk/chats/" + chatId + "/messages", "{\"body\":\"您好，这里是人工客服\"}");
        citizen.awaitBodies(1);
        nodeA.chat(session, "我想问社保转移");
        console.awaitBodies(3); // the desk's line of the accept, the reply, the citizen's answer
        Thread.sleep(500);
        assertEquals(List.of("您好，这里是人工客服"), citizen.bodies());
        assertEquals(List.of("客服 坐席一号 为您服务。", "您好，这里是人工客服", "我想问社保转移"), console.bodies());

        long seq = console.frames.stream().filter(f -> "message".equals(f.path("type").asText()))
                .mapToLong(f -> f.path("message").path("seq").asLong()).max().orElseThrow();
        console.close();
        DeskSession.Frames again = agent.agentSocket("?resume=" + chatId + ":" + (seq - 1));
        again.await("snapshot");
        nodeA.chat(session, "谢谢");
        again.awaitBodies(2);
        Thread.sleep(500);
        assertEquals(List.of("我想问社保转移", "谢谢"), again.bodies());
        again.close();
        citizen.close();
    }

    /** A PostgreSQL schema of its own, dropped after the nodes are closed (registered first, so it closes last). */
    static final class Schema implements AfterAllCallback {
        final String name;
        final String user;

        Schema(String name) {
            this.name = name;
            String connected = null;
            for (String candidate : new String[] {"postgres", "root"}) { // trust auth: whichever role exists here
                try (Connection c = DriverManager.getConnection(PG, candidate, null); Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + name);
                    connected = candidate;
                    break;
                } catch (SQLException e) {
                    // try the next role
                }
            }
            if (connected == null) throw new IllegalStateException("PostgreSQL at " + PG + " is needed (trust auth)");
            this.user = connected;
        }

        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            try (Connection c = DriverManager.getConnection(PG, user, null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + name + " CASCADE");
            }
        }
    }
}
