package org.openhotline.telephony.bridge;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.Await;
import org.openhotline.telephony.Baresip;
import org.openhotline.telephony.TestPhone;
import org.openhotline.telephony.Tones;
import org.openhotline.telephony.ivr.IvrDefinition;
import org.openhotline.telephony.ivr.IvrEngine;
import org.openhotline.telephony.ivr.NodeTrail;
import org.openhotline.telephony.ivr.IvrParser;
import org.openhotline.telephony.ivr.IvrServices;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.prompt.PromptCache;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.FreeTtsSynthesizer;

/**
 * Transfer to a person: baresip is the agent's softphone (auto-answer, speaks 1 kHz), the caller speaks 400 Hz;
 * each must hear the other, the recording must hold both, a leader joins for a three-way call, and a transfer
 * nobody can take, or that the caller gives up on while it rings, is reported for a call back.
 */
class BridgeCallTest {
    private static PromptCache speech;
    @TempDir Path dir;
    private SipUserAgent ivrAgent;
    private TestPhone phone, leader;
    private Baresip agent;
    private Bridge bridge;
    private final RecentMissedCalls missed = new RecentMissedCalls(100);
    private Process ringingAgent;
    private final NodeTrail trail = new NodeTrail();

    @BeforeAll
    static void engines() {
        assertTrue(Baresip.installed(), "baresip missing: apt-get install baresip (./hotline test installs it)");
        speech = new PromptCache(new FreeTtsSynthesizer(), 16);
    }

    private DirectQueue queue;

    private void start(Map<String, List<String>> phones, Map<String, String> leaders) throws Exception {
        IvrDefinition ivr = IvrParser.read(getClass().getResourceAsStream("/ivr/test-ivr.yml"), "test-ivr.yml");
        int base = 30000 + (int) (Math.random() * 25000);
        ivrAgent = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base, base + 100), null);
        queue = new DirectQueue(phones, leaders.get("test"));
        bridge = new Bridge(ivrAgent, queue, missed, dir.resolve("recordings"), Duration.ofSeconds(10));
        ivrAgent.handler(new IvrEngine(ivr, new IvrServices(null, null, Map.of(), bridge, null, dir, trail), new Prompts(null, speech)));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {phone, leader, agent, ivrAgent}) if (c != null) c.close();
        if (ringingAgent != null) ringingAgent.destroyForcibly().waitFor();
    }

    @Test
    void theCallerAndTheAgentHearEachOtherTheLeaderJoinsAndTheCallIsRecorded() throws Exception {
        agent = new Baresip(dir.resolve("baresip"), 1000);
        leader = new TestPhone();
        start(Map.of("test", List.of(agent.uri())), Map.of("test", leader.uri()));
        phone = new TestPhone();
        var call = phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("5");
        trail.reach("agent");
        Await.until(() -> bridge.active(call.callId()).isPresent(), agent::log);
        int heardBefore = phone.loudFrames();
        phone.speak(3000);
        Thread.sleep(1500); // talk time for the recording (its length is checked below), not a wait for an event
        var conference = bridge.active(call.callId()).orElseThrow().conference(leader.uri()).get(30, TimeUnit.SECONDS);
        assertEquals(3, bridge.active(call.callId()).orElseThrow().legs());
        Await.until(() -> leader.loudFrames() > 25, () -> "the leader heard the call: " + leader.loudFrames());
        Await.until(() -> phone.loudFrames() - heardBefore > 100, () -> "the caller heard the agent: " + (phone.loudFrames() - heardBefore));
        Thread.sleep(2000); // three-way talk time for the recording
        phone.call().hangup();
        Await.until(() -> recording() != null, () -> "no recording in " + dir);
        Await.until(conference::isEnded, "the leader's leg ends with the call");
        PcmAudio rec = WavFiles.read(recording());
        assertTrue(rec.durationMillis() > 3000, "recorded " + rec.durationMillis() + " ms");
        assertTrue(Tones.share(rec.samples(), 8000, 400) > 0.2, "the caller's voice is in the recording");
        assertTrue(Tones.share(rec.samples(), 8000, 1000) > 0.2, "the agent's voice is in the recording");
        assertTrue(Files.readString(Path.of(recording().toString().replace(".wav", ".json"))).contains("\"conference\""));
        agent.close();
        PcmAudio agentHeard = agent.heard();
        assertTrue(Tones.share(agentHeard.samples(), agentHeard.sampleRate(), 400) > 0.1, "baresip heard the caller");
    }

    @Test
    void aTransferNobodyCanTakeIsListedForACallbackAndTheIvrGoesOn() throws Exception {
        start(Map.of(), Map.of());
        phone = new TestPhone();
        var call = phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("6");
        trail.reach("nobody");
        trail.reach("fallback");
        assertEquals(List.of("no_agent"), missed.list().stream().map(MissedCall::reason).toList());
        assertEquals("13800138000", missed.list().getFirst().caller());
        assertSame(missed, bridge.missedCalls());
        phone.press("");
        call.hangup();
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentsPhoneRingsIsReportedAsAbandoned() throws Exception {
        int agentPort = org.openhotline.telephony.sip.Sipp.freePort();
        ringingAgent = org.openhotline.telephony.sip.Sipp.serve("ringing-agent.xml", agentPort);
        start(Map.of("test", List.of("sip:agent@127.0.0.1:" + agentPort)), Map.of());
        phone = new TestPhone();
        var call = phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("5");
        trail.reach("agent");
        Thread.sleep(1500); // the agent's phone is ringing: the caller hears ringback
        assertTrue(missed.list().isEmpty(), "nothing is missed while it rings");
        call.hangup();
        Await.until(() -> !missed.list().isEmpty(), "no missed call after the caller hung up");
        MissedCall c = missed.list().getFirst();
        assertEquals("abandoned", c.reason());
        assertEquals("test", c.skillGroup());
        assertEquals("13800138000", c.caller());
        assertEquals(call.callId(), c.callId());
    }

    @Test
    void theCallerHearsMusicAndAnnouncementsWhileWaitingAndABlindTransferRingsTheNextPhone() throws Exception {
        agent = new Baresip(dir.resolve("baresip"), 1000);
        leader = new TestPhone(); // the first agent's phone
        start(Map.of(), Map.of());
        phone = new TestPhone();
        var call = phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("7");
        WaitingCall waiting = queue.held.get(20, TimeUnit.SECONDS);
        java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        waiting.listen(new WaitingCall.Listener() {
            @Override
            public void callerLeft(String agentId) {
                told.add("caller left " + agentId);
            }

            @Override
            public void agentLeft(String agentId) {
                told.add("agent left " + agentId);
            }
        });
        int before = phone.loudFrames();
        Await.until(() -> phone.loudFrames() - before > 20, () -> "music on hold: " + (phone.loudFrames() - before) + " loud frames");
        assertFalse(waiting.isOver());
        assertFalse(waiting.ring("a9", "sip:nobody@127.0.0.1:9").completeOnTimeout(false, 12, TimeUnit.SECONDS).get(), "no phone there");
        assertTrue(waiting.ring("a1", leader.uri()).get(30, TimeUnit.SECONDS), "the first agent answers");
        assertEquals("a1", waiting.agentId());
        assertEquals(2, waiting.legs());
        waiting.dropAgent();
        Await.until(() -> leader.activeCalls() == 0, "the first agent's leg is hung up"); // ring() was answered
        assertNull(waiting.agentId());
        assertEquals(0, waiting.legs(), "the caller is on hold, out of the mix");
        assertTrue(waiting.ring("a2", agent.uri()).get(30, TimeUnit.SECONDS), "baresip answers");
        int heard = phone.loudFrames();
        Await.until(() -> phone.loudFrames() - heard > 40, () -> "the caller hears the second agent: " + (phone.loudFrames() - heard));
        call.hangup();
        Await.until(() -> told.contains("caller left a2"), told::toString);
        Await.until(() -> bridge.active(call.callId()).isEmpty(), "the bridge let go of the call");
        assertTrue(missed.list().isEmpty(), "the caller talked to someone: not a missed call");
    }

    private Path recording() {
        try (Stream<Path> s = Files.walk(dir.resolve("recordings"))) {
            // the JSON is written last: once it is there the WAV is complete
            return s.filter(p -> p.toString().endsWith(".json")).findFirst().map(p -> Path.of(p.toString().replace(".json", ".wav"))).orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

}
