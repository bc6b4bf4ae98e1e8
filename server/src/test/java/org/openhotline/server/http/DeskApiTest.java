package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.server.Await;

/**
 * The desk's HTTP API and sockets on the real product (H2, the sample accounts): role checks on every kind of route,
 * a transfer taken and answered, refusals with their codes (sensitive word named, bad input, foreign images), image
 * uploads, resuming sockets that lose and repeat nothing, and the citizen's rating.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // who is online decides who gets a chat: each test leaves its agents offline
class DeskApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true")
            .configYaml("""
                    desk:
                      rating-tags:
                        "4": [态度好]
                    """).build();

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @Test
    @Order(1)
    void everyDeskRouteChecksTheRole() throws Exception {
        TestServer.assertError(server.get("/api/desk/snapshot"), 401, "not_signed_in");
        DeskSession editor = DeskSession.login(server, "editor1", "demo-editor1-2026");
        TestServer.assertError(editor.call("GET", "/api/desk/snapshot", null), 403, "forbidden");
        TestServer.assertError(editor.call("POST", "/api/desk/chats/x/messages", "{\"body\":\"hi\"}"), 403, "forbidden");
        TestServer.assertError(editor.call("GET", "/api/desk/canned", null), 403, "forbidden");
        DeskSession supervisor = DeskSession.login(server, "supervisor1", "demo-supervisor1-2026");
        TestServer.assertError(supervisor.call("POST", "/api/desk/chats/x/messages", "{\"body\":\"hi\"}"), 403, "forbidden");
        TestServer.assertError(supervisor.call("PUT", "/api/desk/presence", "{\"presence\":\"ONLINE\"}"), 403, "forbidden");
        supervisor.expect(200, "GET", "/api/desk/ratings", null); // supervisors read the satisfaction figures
        DeskSession agent = DeskSession.login(server, "agent2", "demo-agent2-2026");
        TestServer.assertError(agent.call("GET", "/api/desk/ratings", null), 403, "forbidden");
        TestServer.assertError(agent.call("GET", "/api/admin/users", null), 403, "forbidden");
    }

    @Test
    @Order(2)
    void aChatIsTransferredToAnotherAgentWhoInvitesTheLeader() throws Exception {
        DeskSession leader = DeskSession.login(server, "leader1", "demo-leader1-2026");
        DeskSession agent2 = DeskSession.login(server, "agent2", "demo-agent2-2026");
        // busy: the chat waits in the queue, and the leader's console lists it live
        leader.expect(200, "PUT", "/api/desk/presence", "{\"presence\":\"BUSY\"}");
        DeskSession.Frames leaderConsole = leader.agentSocket("");
        leaderConsole.await("snapshot");
        String session = "desk-transfer-" + System.nanoTime();
        server.chat(session, "转人工");
        JsonNode queue = leaderConsole.await("queue");
        assertEquals(1, queue.path("queue").size(), queue.toString());
        assertEquals("keyword", queue.path("queue").get(0).path("reason").asText(), queue.toString());
        leader.expect(200, "PUT", "/api/desk/presence", "{\"presence\":\"ONLINE\"}");
        JsonNode offered = Await.value(() -> { // routing runs on the desk's tick
            try {
                JsonNode c = leader.expect(200, "GET", "/api/desk/snapshot", null).path("chats").get(0);
                return c != null && "OFFERED".equals(c.path("state").asText()) ? c : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the desk offers the chat to the leader, online again");
        String chatId = offered.path("id").asText();
        leader.expect(200, "POST", "/api/desk/chats/" + chatId + "/accept", "{}");
        TestServer.assertError(agent2.call("POST", "/api/desk/chats/" + chatId + "/messages", "{\"body\":\"插话\"}"), 403, "not_yours");

        agent2.expect(200, "PUT", "/api/desk/presence", "{\"presence\":\"ONLINE\"}");
        DeskSession.Frames agent2Console = agent2.agentSocket("");
        agent2Console.await("snapshot");
        TestServer.assertError(leader.call("POST", "/api/desk/chats/" + chatId + "/transfer", "{\"note\":\"x\"}"), 400, "bad_target");
        leader.expect(200, "POST", "/api/desk/chats/" + chatId + "/transfer",
                "{\"toAgent\":\"" + agent2.id() + "\",\"note\":\"市民咨询社保转移，已核实身份\"}");
        JsonNode toMe = agent2Console.await("chat");
        assertEquals(chatId, toMe.path("chat").path("id").asText());
        JsonNode taken = agent2.expect(200, "POST", "/api/desk/chats/" + chatId + "/accept", "{}");
        assertTrue(taken.path("messages").toString().contains("已核实身份"), "the transfer note is in the chat: " + taken);

        JsonNode invited = agent2.expect(200, "POST", "/api/desk/chats/" + chatId + "/invite", "{\"leaderId\":" + leader.id() + "}");
        assertTrue(invited.path("chat").path("participants").toString().contains(leader.id()), invited.toString());
        leader.expect(201, "POST", "/api/desk/chats/" + chatId + "/messages", "{\"body\":\"组长补充：可在网上办理\"}");
        server.chat(session, "明白了");
        leaderConsole.awaitBodiesContaining("明白了");
        agent2Console.awaitBodiesContaining("组长补充：可在网上办理", "明白了");
        assertTrue(agent2Console.bodies().containsAll(List.of("组长补充：可在网上办理", "明白了")), agent2Console.bodies().toString());
        assertTrue(leaderConsole.bodies().contains("明白了"), leaderConsole.bodies().toString());

        // knowledge-base answers for the citizen's last message, from the live index
        server.chat(session, "社保卡丢了怎么补办");
        agent2Console.awaitBodiesContaining("社保卡丢了怎么补办");
        JsonNode assist = agent2.expect(200, "GET", "/api/desk/chats/" + chatId + "/assist", null);
        assertTrue(assist.path("suggestions").size() > 0, assist.toString());
        assertTrue(assist.path("suggestions").get(0).path("answer").asText().length() > 10, assist.toString());

        agent2.expect(200, "POST", "/api/desk/chats/" + chatId + "/end", "{\"reason\":\"referred\",\"notes\":\"已转办\"}");
        leader.expect(200, "PUT", "/api/desk/presence", "{\"presence\":\"OFFLINE\"}");
        agent2.expect(200, "PUT", "/api/desk/presence", "{\"presence\":\"OFFLINE\"}");
        agent2Console.close();
        leaderConsole.close();
    }

    @Test
    @Order(3)
    void aTransferIsTakenAnsweredResumedAndRated() throws Exception {
        String session = "desk-api-" + System.nanoTime();
        DeskSession.Frames citizen = DeskSession.Frames.citizen(server, "?session=" + session);
        DeskSession agent = DeskSession.login(server, "agent1", "demo-agent1-2026");
        agent.expect(200, "PUT", "/api/desk/presence", "{\"presence\":\"ONLINE\"}");
        assertEquals("transfer", server.chat(session, "转人工").get("type").asText());
        JsonNode queued = citizen.await("queued");
        String chatId = queued.path("chatId").asText();
        assertEquals(1, queued.path("position").asInt(), queued.toString());

        JsonNode detail = agent.expect(200, "POST", "/api/desk/chats/" + chatId + "/accept", "{}");
        assertEquals("ACTIVE", detail.path("chat").path("state").asText());
        assertEquals("keyword", detail.path("summary").path("reason").asText());
        assertTrue(detail.path("summary").path("transcript").toString().contains("转人工"), detail.toString());
        citizen.await("accepted");

        // refusals, each with its code; nothing is stored for them
        JsonNode refusal = TestServer.JSON.readTree(agent.call("POST", "/api/desk/chats/" + chatId + "/messages",
                "{\"kind\":\"TEXT\",\"body\":\"可以帮您办理信用卡提现\"}").body());
        assertEquals("sensitive_word", refusal.path("error").asText(), refusal.toString());
        assertEquals("信用卡提现", refusal.path("word").asText());
        TestServer.assertError(agent.call("POST", "/api/desk/chats/" + chatId + "/messages", "{\"kind\":\"VIDEO\",\"body\":\"x\"}"), 400, "bad_kind");
        TestServer.assertError(agent.call("POST", "/api/desk/chats/" + chatId + "/messages", "{\"kind\":\"IMAGE\",\"body\":\"http://evil/x.png\"}"), 400, "bad_image");
        TestServer.assertError(agent.call("POST", "/api/desk/chats/" + chatId + "/messages", "{\"body\":\"   \"}"), 400, "empty_body");
        TestServer.assertError(agent.call("POST", "/api/desk/chats/" + chatId + "/end", "{\"reason\":\"nope\"}"), 400, "bad_reason");
        TestServer.assertError(agent.call("POST", "/api/desk/uploads", HttpRequest.BodyPublishers.ofString("<svg/>"), "image/svg+xml"), 415, "not_an_image");

        // an uploaded image is served back and may be sent
        JsonNode up = TestServer.ok(agent.call("POST", "/api/desk/uploads", HttpRequest.BodyPublishers.ofByteArray(PNG), "image/png"), 201);
        String url = up.path("url").asText();
        HttpResponse<String> img = server.get(url);
        assertEquals(200, img.statusCode());
        assertEquals("image/png", img.headers().firstValue("Content-Type").orElse(""));
        TestServer.assertError(server.get("/uploads/hotline-defaults.yml"), 404, "not_found"); // only names the server handed out
        assertEquals(400, server.get("/uploads/../../etc/passwd").statusCode()); // Jetty refuses the path itself

        JsonNode first = agent.expect(201, "POST", "/api/desk/chats/" + chatId + "/messages", "{\"kind\":\"TEXT\",\"body\":\"第一条\"}");
        agent.expect(201, "POST", "/api/desk/chats/" + chatId + "/messages", TestServer.JSON.writeValueAsString(Map.of("kind", "IMAGE", "body", url)));
        agent.expect(201, "POST", "/api/desk/chats/" + chatId + "/messages", "{\"kind\":\"EMOJI\",\"body\":\"👍\"}");
        citizen.awaitBodies(3);
        assertEquals(List.of("第一条", url, "👍"), citizen.bodies());

        // a console that held the first message gets exactly the two after it, then live ones
        DeskSession.Frames console = agent.agentSocket("?resume=" + chatId + ":" + first.path("seq").asLong());
        console.await("snapshot");
        console.awaitBodies(2);
        assertEquals(List.of(url, "👍"), console.bodies());
        server.chat(session, "收到，谢谢");
        console.awaitBodies(3);
        assertEquals(List.of(url, "👍", "收到，谢谢"), console.bodies());

        // a reloaded chat page gets the whole chat once, its own messages included
        DeskSession.Frames reloaded = DeskSession.Frames.citizen(server, "?session=" + session + "&chat=" + chatId + "&after=0&own=1");
        reloaded.awaitBodies(5);
        Thread.sleep(300);
        assertEquals(List.of("客服 坐席一号 为您服务。", "第一条", url, "👍", "收到，谢谢"), reloaded.bodies()); // the desk's own line too
        assertEquals("ACTIVE", reloaded.await("state").path("state").asText());
        // someone else's session learns nothing of the chat
        DeskSession.Frames stranger = DeskSession.Frames.citizen(server, "?session=other&chat=" + chatId + "&after=0&own=1");
        Thread.sleep(300);
        assertEquals(List.of(), stranger.frames);

        agent.expect(200, "POST", "/api/desk/chats/" + chatId + "/end", "{\"reason\":\"solved\",\"notes\":\"已答复\"}");
        JsonNode invite = citizen.await("rating_invitation");
        assertTrue(invite.path("ratingTags").path("4").toString().contains("态度好"), invite.toString());
        String rating = "{\"sessionId\":\"%s\",\"chatId\":\"%s\",\"level\":%s,\"tags\":%s}";
        TestServer.assertError(server.post("/api/chat/rating", rating.formatted(session, chatId, 6, "[]")), 400, "bad_level");
        TestServer.assertError(server.post("/api/chat/rating", rating.formatted(session, chatId, 4, "[\"乱写\"]")), 400, "bad_tags");
        TestServer.assertError(server.post("/api/chat/rating", rating.formatted("other", chatId, 4, "[]")), 404, "not_found");
        TestServer.ok(server.post("/api/chat/rating", rating.formatted(session, chatId, 4, "[\"态度好\"]")), 201);
        assertEquals(4, server.app().desk().orElseThrow().rating(chatId).level().score());
        console.close();
        citizen.close();
        reloaded.close();
        stranger.close();
    }
}
