package org.openhotline.telephony.bridge;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.Await;
import org.openhotline.telephony.TestPhone;
import org.openhotline.telephony.ivr.IvrDefinition;
import org.openhotline.telephony.ivr.IvrEngine;
import org.openhotline.telephony.ivr.IvrParser;
import org.openhotline.telephony.ivr.IvrServices;
import org.openhotline.telephony.ivr.NodeTrail;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.telephony.sip.Sipp;
import org.openhotline.voice.prompt.PromptCache;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.FreeTtsSynthesizer;

/**
 * Races between the phones' SIP events and the queue's steps, with real peers on loopback: a phone that answers as
 * its ring is given up, and the desk moving the call on while the agent consults a colleague. The caller's call is
 * held by the test ({@link DirectQueue}'s group "hold") and driven by hand.
 */
class BridgeRacesTest {
    private static PromptCache speech;
    @TempDir Path dir;
    private SipUserAgent ivrAgent;
    private TestPhone phone, first, colleague;
    private Process sipp;
    private DirectQueue queue;
    private final NodeTrail trail = new NodeTrail();
    private final RecentMissedCalls missed = new RecentMissedCalls(10);

    @BeforeAll
    static void engines() {
        assertTrue(Sipp.installed(), "sipp missing: apt-get install sip-tester");
        speech = new PromptCache(new FreeTtsSynthesizer(), 16);
    }

    private WaitingCall heldCall() throws Exception {
        return heldCall(null);
    }

    private WaitingCall heldCall(String leaderUri) throws Exception {
        IvrDefinition ivr = IvrParser.read(getClass().getResourceAsStream("/ivr/test-ivr.yml"), "test-ivr.yml");
        int base = 30000 + (int) (Math.random() * 25000);
        ivrAgent = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base, base + 100), null);
        queue = new DirectQueue(Map.of(), leaderUri);
        Bridge bridge = new Bridge(ivrAgent, queue, missed, dir.resolve("recordings"), Duration.ofSeconds(10));
        ivrAgent.handler(new IvrEngine(ivr, new IvrServices(null, null, Map.of(), bridge, null, dir, trail), new Prompts(null, speech)));
        phone = new TestPhone();
        phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("7");
        return queue.held.get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {phone, first, colleague, ivrAgent}) if (c != null) c.close();
        if (sipp != null) sipp.destroyForcibly().waitFor();
    }

    @Test
    void aPhoneThatAnswersAsItsRingIsGivenUpGetsAByeInsteadOfADeadLine() throws Exception {
        int agentPort = Sipp.freePort();
        sipp = Sipp.serve("late-answer-agent.xml", agentPort);
        WaitingCall waiting = heldCall();
        var ring = waiting.ring("a1", "sip:agent@127.0.0.1:" + agentPort);
        Thread.sleep(1000); // it rings (180); the scenario answers on our CANCEL whenever that comes
        waiting.stopRinging(); // the desk moved the offer on; the phone's 200 crosses our CANCEL
        assertFalse(ring.get(30, TimeUnit.SECONDS), "a ring given up is not an answer");
        assertTrue(sipp.waitFor(20, TimeUnit.SECONDS), "the phone's scenario ends");
        assertEquals(0, sipp.exitValue(), "the late 200 was ACKed and the phone got a BYE");
        assertNull(waiting.agentId());
        assertEquals(0, waiting.legs(), "the caller still waits with music");
    }

    @Test
    void movingTheCallOnWhileTheAgentConsultsHangsUpTheColleagueToo() throws Exception {
        first = new TestPhone();
        colleague = new TestPhone();
        WaitingCall waiting = heldCall();
        assertTrue(waiting.ring("a1", first.uri()).get(30, TimeUnit.SECONDS), "the agent answers");
        assertTrue(waiting.consult("a2", colleague.uri()).get(30, TimeUnit.SECONDS), "the colleague answers");
        assertEquals(2, waiting.legs(), "the caller is on hold: agent and colleague talk");
        waiting.dropAgent(); // the desk transferred the chat elsewhere (console's blind transfer)
        Await.until(() -> colleague.activeCalls() == 0, "the colleague's leg is hung up"); // it had one: consult() was answered
        assertEquals(0, waiting.legs(), "nobody is left in the mix: the caller waits with music");
        assertFalse(waiting.cancelConsult(), "no consultation is left over");
        assertTrue(waiting.ring("a3", first.uri()).get(30, TimeUnit.SECONDS), "the next agent answers");
        assertEquals(2, waiting.legs(), "caller and the new agent only");
    }

    @Test
    void theAgentsStar3KeyRingsTheLeaderIntoAThreeWayCall() throws Exception {
        first = new TestPhone();
        colleague = new TestPhone(); // the group leader's phone
        WaitingCall waiting = heldCall(colleague.uri());
        assertTrue(waiting.ring("a1", first.uri()).get(30, TimeUnit.SECONDS), "the agent answers");
        Await.until(() -> !first.answered().isEmpty(), "the agent's phone has the call");
        var agentLeg = first.answered().getFirst();
        agentLeg.sendDtmf('*');
        agentLeg.sendDtmf('3');
        Await.until(() -> !colleague.answered().isEmpty(), "*3 rings the leader's phone");
        Await.until(() -> waiting.legs() == 3, "caller, agent and leader in one call");
    }

    @Test
    void aChatClosedAtTheDeskBeforeAnyoneTalkedSendsTheCallerToNextAsAMissedCallNotToTheSurvey() throws Exception {
        WaitingCall waiting = heldCall();
        waiting.finish(); // e.g. a supervisor closed the waiting chat
        trail.reach("fallback");
        Await.until(() -> !missed.list().isEmpty(), "listed for a call-back");
        assertEquals("unanswered", missed.list().getFirst().reason());
    }
}
