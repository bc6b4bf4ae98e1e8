package org.openhotline.telephony.bridge;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.TestPhone;
import org.openhotline.telephony.recording.RecordingInfo;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.telephony.sip.Sipp;

/**
 * Click-to-dial on real SIP/RTP over loopback: our user agent rings the agent's phone, then the citizen's through an
 * outbound route with the number in the Request-URI, bridges and records them; either side hanging up ends the other,
 * a citizen who does not answer (or is busy) ends the agent's leg as NO_ANSWER, and an agent who does not answer
 * means the citizen is never dialled.
 */
class CallBackTest {
    private static final String NUMBER = "13912345678";
    @TempDir Path dir;
    private SipUserAgent ua;
    private TestPhone agent, citizen;
    private Process sipp;
    private final List<RecordingInfo> indexed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        int base = 30000 + (int) (Math.random() * 25000);
        ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base, base + 100), null);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {agent, citizen, ua}) if (c != null) c.close();
        if (sipp != null) sipp.destroyForcibly().waitFor();
    }

    private CallBack place(String agentUri, String citizenUri, Duration ring) {
        return CallBack.place(ua, new CallBack.Plan("agent1", agentUri, NUMBER, citizenUri, "12345", "社保", ring, ring,
                Map.of("callbackTaskId", "77")), dir.resolve("recordings"), indexed::add);
    }

    /** The route to a test phone, with the number as the user part, like {@code sip:{number}@pbx}. */
    private static String route(TestPhone phone) {
        return phone.uri().replace("sip:phone@", "sip:" + NUMBER + "@");
    }

    @Test
    void theAgentAnswersThenTheCitizenTheyHearEachOtherAndTheCitizenHangingUpEndsTheAgentsLeg() throws Exception {
        agent = new TestPhone();
        citizen = new TestPhone();
        CallBack call = place(agent.uri(), route(citizen), Duration.ofSeconds(10));
        waitFor(() -> call.state() == CallBack.State.TALKING, () -> "never talking: " + call.state());
        waitFor(() -> citizen.answered().size() == 1 && agent.answered().size() == 1, () -> "both phones answered");
        assertEquals(NUMBER, citizen.answered().getFirst().called(), "the number is the user part of the Request-URI / To");
        assertEquals("12345", citizen.answered().getFirst().caller(), "the citizen's phone shows the hotline's number");
        assertEquals(NUMBER, agent.answered().getFirst().caller(), "the agent's phone shows whom it calls back");

        int citizenHeard = citizen.loudFrames();
        agent.speak(2000);
        waitFor(() -> citizen.loudFrames() - citizenHeard > 40, () -> "the citizen hears the agent: " + (citizen.loudFrames() - citizenHeard));
        int agentHeard = agent.loudFrames();
        citizen.speak(2000);
        waitFor(() -> agent.loudFrames() - agentHeard > 40, () -> "the agent hears the citizen: " + (agent.loudFrames() - agentHeard));

        citizen.call().hangup();
        waitFor(() -> agent.activeCalls() == 0, () -> "the agent's leg got its BYE");
        CallBack.Result r = call.ended().get(15, TimeUnit.SECONDS);
        assertEquals(CallBack.Outcome.REACHED, r.outcome());
        assertEquals("citizen_hangup", r.reason());
        assertEquals(CallBack.State.ENDED, call.state());
        waitFor(() -> ua.activeCalls() == 0, () -> "no call left on our side: " + ua.activeCalls());

        assertEquals(1, indexed.size(), "the recording was indexed");
        RecordingInfo rec = indexed.getFirst();
        assertEquals(NUMBER, rec.caller());
        assertEquals("agent1", rec.agentId());
        assertEquals("社保", rec.skillGroup());
        assertEquals("caller_hangup", rec.endReason());
        assertEquals("77", rec.callbackTaskId(), "the index learns which task the call was for");
        String meta = Files.readString(dir.resolve("recordings").resolve(rec.file().replace(".wav", ".json")));
        assertTrue(meta.contains("\"callbackTaskId\" : \"77\""), meta);
    }

    @Test
    void theAgentHangingUpEndsTheCitizensLeg() throws Exception {
        agent = new TestPhone();
        citizen = new TestPhone();
        CallBack call = place(agent.uri(), route(citizen), Duration.ofSeconds(10));
        waitFor(() -> call.state() == CallBack.State.TALKING && agent.answered().size() == 1, () -> "never talking: " + call.state());
        agent.answered().getFirst().hangup();
        waitFor(() -> citizen.activeCalls() == 0, () -> "the citizen's leg got its BYE");
        assertEquals(new CallBack.Result(CallBack.Outcome.REACHED, "agent_hangup"), call.ended().get(15, TimeUnit.SECONDS));
        waitFor(() -> indexed.size() == 1, () -> "the recording was indexed");
        assertEquals("agent_hangup", indexed.getFirst().endReason());
    }

    @Test
    void aCitizenWhoDoesNotAnswerEndsTheAgentsLegAsNoAnswer() throws Exception {
        agent = new TestPhone();
        int port = Sipp.freePort();
        sipp = Sipp.serve("ringing-agent.xml", port); // rings and is never picked up
        CallBack call = place(agent.uri(), "sip:" + NUMBER + "@127.0.0.1:" + port, Duration.ofSeconds(2));
        CallBack.Result r = call.ended().get(30, TimeUnit.SECONDS);
        assertEquals(new CallBack.Result(CallBack.Outcome.NO_ANSWER, "no_answer"), r);
        // NO_ANSWER (not AGENT_NO_ANSWER) says the agent's phone answered before the citizen was dialled; answered() is not
        // asked: a BYE handled before the ACK leaves it empty
        waitFor(() -> agent.activeCalls() == 0, () -> "the agent's leg is hung up");
        assertTrue(indexed.isEmpty(), "nobody talked: nothing recorded");
        assertFalse(hasRecordings(), "no recording file either");
    }

    @Test
    void aBusyCitizenIsNoAnswerWithTheStatus() throws Exception {
        agent = new TestPhone();
        int port = Sipp.freePort();
        sipp = Sipp.serve("busy-phone.xml", port);
        CallBack call = place(agent.uri(), "sip:" + NUMBER + "@127.0.0.1:" + port, Duration.ofSeconds(10));
        assertEquals(new CallBack.Result(CallBack.Outcome.NO_ANSWER, "486 Busy Here"), call.ended().get(30, TimeUnit.SECONDS));
        waitFor(() -> agent.activeCalls() == 0, () -> "the agent's leg is hung up");
    }

    @Test
    void aBrokenRouteIsAFailureNotTheCitizensNoAnswer() throws Exception {
        agent = new TestPhone();
        CallBack call = place(agent.uri(), "sip:" + NUMBER + "@[not a host", Duration.ofSeconds(5));
        assertEquals(new CallBack.Result(CallBack.Outcome.FAILED, "failed"), call.ended().get(30, TimeUnit.SECONDS));
        waitFor(() -> agent.activeCalls() == 0, () -> "the agent's leg is hung up");
    }

    @Test
    void anAgentWhoDoesNotAnswerMeansTheCitizenIsNeverDialled() throws Exception {
        citizen = new TestPhone();
        int port = Sipp.freePort();
        sipp = Sipp.serve("ringing-agent.xml", port);
        CallBack call = place("sip:agent1@127.0.0.1:" + port, route(citizen), Duration.ofSeconds(2));
        CallBack.Result r = call.ended().get(30, TimeUnit.SECONDS);
        assertEquals(new CallBack.Result(CallBack.Outcome.AGENT_NO_ANSWER, "no_answer"), r);
        assertEquals(CallBack.State.ENDED, call.state());
        // the outcome is final before anything else could be dialled: the citizen's phone saw no INVITE
        assertEquals(0, citizen.activeCalls());
        assertTrue(citizen.answered().isEmpty());
        waitFor(() -> ua.activeCalls() == 0, () -> "no call left on our side: " + ua.activeCalls());
    }

    @Test
    void hangingUpWhileTheAgentsPhoneRingsStopsItAndDialsNobody() throws Exception {
        citizen = new TestPhone();
        int port = Sipp.freePort();
        sipp = Sipp.serve("ringing-agent.xml", port);
        CallBack call = place("sip:agent1@127.0.0.1:" + port, route(citizen), Duration.ofSeconds(20));
        call.hangup();
        assertEquals(CallBack.Outcome.AGENT_LEFT, call.ended().get(15, TimeUnit.SECONDS).outcome());
        waitFor(() -> ua.activeCalls() == 0, () -> "the ringing leg was cancelled: " + ua.activeCalls());
        assertTrue(citizen.answered().isEmpty());
    }

    private boolean hasRecordings() throws Exception {
        Path recs = dir.resolve("recordings");
        if (!Files.exists(recs)) return false;
        try (Stream<Path> s = Files.walk(recs)) {
            return s.anyMatch(p -> p.toString().endsWith(".wav"));
        }
    }

    private static void waitFor(BooleanSupplier c, Supplier<String> why) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!c.getAsBoolean() && System.nanoTime() < until) Thread.sleep(50);
        assertTrue(c.getAsBoolean(), why.get());
    }
}
