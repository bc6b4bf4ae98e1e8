package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.NewCallback;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * Click-to-dial (回拨) over the API on the real product with real phones on loopback: agent1's desk phone answers at
 * once, the citizen's phone (behind telephony.outbound-uri) rings and is never picked up. Only the agent holding the
 * claim may dial; someone without a phone is told so; the citizen not answering is logged on the task as a NO_ANSWER
 * attempt by itself and the agent's leg is hung up.
 */
class CallbackDialApiTest {
    private static final DialPhones phones = new DialPhones(false);
    private static final List<SipCall> agentCalls = phones.agentCalls;
    private static final SipUserAgent agentPhone = phones.agent, citizenPhone = phones.citizen;

    @RegisterExtension
    static final TestServer server = phones.server(2).build();

    @AfterAll
    static void phonesOff() {
        phones.close();
    }

    private static String task(String phone, String group, String callId) {
        return String.valueOf(server.app().desk().orElseThrow().callbacks().create(NewCallback.call(CallbackKind.MISSED_CALL, phone, group, "no_agent", callId)).id());
    }

    @Test
    void onlyTheClaimingAgentDialsAndACitizenWhoDoesNotAnswerIsLoggedAsNoAnswer() throws Exception {
        String id = task("13922223333", "社保", "dial-call-1");
        DeskSession agent1 = DeskSession.login(server, "agent1", "demo-agent1-2026");
        DeskSession agent2 = DeskSession.login(server, "agent2", "demo-agent2-2026");
        DeskSession supervisor = DeskSession.login(server, "supervisor1", "demo-supervisor1-2026");
        assertTrue(agent1.expect(200, "GET", "/api/desk/callbacks", null).path("dialEnabled").asBoolean(), "the console shows 回拨");

        TestServer.assertError(agent1.call("POST", "/api/desk/callbacks/" + id + "/dial", "{}"), 409, "bad_state"); // not claimed
        agent1.expect(200, "POST", "/api/desk/callbacks/" + id + "/claim", "{}");
        TestServer.assertError(agent2.call("POST", "/api/desk/callbacks/" + id + "/dial", "{}"), 403, "not_yours");
        TestServer.assertError(supervisor.call("POST", "/api/desk/callbacks/" + id + "/dial", "{}"), 403, "forbidden");
        TestServer.assertError(agent1.call("POST", "/api/desk/callbacks/" + id + "/hangup", "{}"), 409, "no_call");
        assertEquals(0, agentCalls.size() + agentPhone.activeCalls(), "no refused request rang a phone");

        JsonNode placed = agent1.expect(202, "POST", "/api/desk/callbacks/" + id + "/dial", "{}");
        String callId = placed.path("callId").asText();
        assertTrue(callId.startsWith("cb-"), placed.toString());
        JsonNode ended = await(agent1, id, t -> t.path("call").path("state").asText().equals("ended") && !t.path("call").path("outcome").isNull());
        assertEquals(callId, ended.path("call").path("id").asText());
        assertEquals("NO_ANSWER", ended.path("call").path("outcome").asText(), ended.toString());
        assertEquals("no_answer", ended.path("call").path("reason").asText());
        assertEquals(1, agentCalls.size(), "agent1's phone rang and was answered first");
        assertEquals("13922223333", agentCalls.getFirst().caller(), "agent1's phone shows whom it calls back");
        await(() -> agentPhone.activeCalls() == 0 && citizenPhone.activeCalls() == 0, "both legs are down");

        // the attempt was logged by itself: the task is open again for the next try
        JsonNode after = await(agent1, id, t -> t.path("status").asText().equals("OPEN"));
        assertEquals("OPEN", after.path("status").asText(), after.toString());
        assertEquals(1, after.path("attempts").asInt());
        assertEquals("NO_ANSWER", after.path("outcome").asText());
        assertTrue(after.path("notes").asText().contains("回拨未接通"), after.path("notes").asText());
        await(() -> server.app().telephony().orElseThrow().load().values().stream().allMatch(n -> n == 0),
                "nothing left on the node: " + server.app().telephony().orElseThrow().load());
    }

    @Test
    void someoneWithoutAPhoneOrATaskWithoutANumberIsToldWhy() throws Exception {
        String id = task("13944445555", "医保", "dial-call-2");
        DeskSession leader = DeskSession.login(server, "leader1", "demo-leader1-2026"); // no phone configured or registered
        leader.expect(200, "POST", "/api/desk/callbacks/" + id + "/claim", "{}");
        TestServer.assertError(leader.call("POST", "/api/desk/callbacks/" + id + "/dial", "{}"), 409, "no_phone");
        String anonymous = task("anonymous", "医保", "dial-call-3");
        DeskSession agent1 = DeskSession.login(server, "agent1", "demo-agent1-2026");
        agent1.expect(200, "POST", "/api/desk/callbacks/" + anonymous + "/claim", "{}");
        TestServer.assertError(agent1.call("POST", "/api/desk/callbacks/" + anonymous + "/dial", "{}"), 400, "no_number");
        TestServer.assertError(agent1.call("POST", "/api/desk/callbacks/999999/dial", "{}"), 404, "not_found");
    }

    /** Polls the task until it matches (generous deadline for a loaded CI box); the task's JSON. */
    private static JsonNode await(DeskSession who, String id, java.util.function.Predicate<JsonNode> task) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode t;
        do {
            t = who.expect(200, "GET", "/api/desk/callbacks/" + id, null);
            if (task.test(t)) return t;
            Thread.sleep(100);
        } while (System.nanoTime() < until);
        fail("the call back never got there: " + t);
        return t;
    }

    private static void await(java.util.function.BooleanSupplier c, String why) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!c.getAsBoolean() && System.nanoTime() < until) Thread.sleep(100);
        assertTrue(c.getAsBoolean(), why);
    }
}
