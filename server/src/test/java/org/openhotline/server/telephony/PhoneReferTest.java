package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.desk.Desk;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.presence.Presence;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * The transfer key of an agent's desk phone (SIP REFER, RFC 3515) through the desk, with sipp as agent1's phone:
 * answering the call, then REFER to {@code sip:agent2@…}. The phone gets 202, NOTIFY "100 Trying" then "200 OK" and
 * a BYE; the chat moves to agent2 and agent2's phone (a softphone on our stack) rings. A target that is no agent gets
 * a failure NOTIFY and the call stays with agent1.
 */
class PhoneReferTest {
    @TempDir
    static Path data;
    static HotlineApp app;
    static SipUserAgent agent2Phone;
    static final List<SipCall> agent2Calls = new CopyOnWriteArrayList<>();
    static int agent1Port;
    static Desk desk;
    static String agent1, agent2;
    private Process sipp;
    private SipUserAgent callerUa;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/sipp")), "sipp missing: apt-get install sip-tester");
        try (DatagramSocket s = new DatagramSocket(0)) {
            agent1Port = s.getLocalPort();
        }
        agent2Phone = SipUserAgent.start(SipSettings.local(0).withRtpPorts(47000, 47499), c -> {
            agent2Calls.add(c);
            c.ended().join();
        });
        Path ivr = data.resolve("ivr.yml");
        Files.writeString(ivr, """
                name: phone-refer
                schedule:
                  - {when: always, node: main}
                nodes:
                  main:
                    type: menu
                    prompt: 您好，人工服务请按0。
                    choices: {"0": agent}
                  agent:
                    type: transfer
                    group: 社保
                    next: bye
                  bye:
                    type: hangup
                """);
        Path file = data.resolve("hotline.yml");
        Files.writeString(file, """
                auth:
                  sample-accounts: true
                desk:
                  offer-seconds: 40
                  wrap-up-seconds: 1
                  groups:
                    - {code: "社保", name: "社保", strategy: least-busy, queue-timeout-seconds: 300}
                telephony:
                  position-every-seconds: 0
                  agent-ring-seconds: 5
                  agent-phones: ["agent1=sip:agent@127.0.0.1:%d", "agent2=sip:agent2@127.0.0.1:%d"]
                """.formatted(agent1Port, agent2Phone.port()));
        HotlineConfig config = HotlineConfig.load(file, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0", "HOTLINE_TELEPHONY_ENABLED", "true",
                "HOTLINE_SIP_PORT", "0", "HOTLINE_TELEPHONY_IVR_FILE", ivr.toString(),
                "HOTLINE_TELEPHONY_RTP_PORT_MIN", "47500", "HOTLINE_TELEPHONY_RTP_PORT_MAX", "47999"));
        app = new HotlineApp(config).start(ProgressListener.NONE);
        desk = app.desk().orElseThrow();
        agent1 = String.valueOf(app.auth().accounts().byUsername("agent1").orElseThrow().id());
        agent2 = String.valueOf(app.auth().accounts().byUsername("agent2").orElseThrow().id());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) app.close();
        if (agent2Phone != null) agent2Phone.close();
    }

    @BeforeEach
    void agent1Only() {
        desk.presence(agent2, Presence.OFFLINE);
        desk.presence(agent1, Presence.ONLINE);
    }

    @AfterEach
    void hangUp() throws Exception {
        if (callerUa != null) callerUa.close();
        if (sipp != null) sipp.destroyForcibly().waitFor();
        desk.presence(agent1, Presence.OFFLINE);
        desk.presence(agent2, Presence.OFFLINE);
    }

    @Test
    void theDeskPhonesTransferKeyMovesTheChatToTheNamedAgentAndRingsTheirPhone() throws Exception {
        sipp = agent1Phone("sip:agent2@127.0.0.1", "SIP/2.0 200");
        SipCall caller = call("13900006666");
        Chat chat = await(() -> activeWith(agent1), "agent1's phone (sipp) answers: the chat is agent1's");
        desk.presence(agent2, Presence.ONLINE);
        await(() -> agent2Calls.isEmpty() ? null : true, "the REFER rings agent2's phone");
        Chat moved = await(() -> {
            Chat c = desk.chat(chat.chatId());
            return c.status() == ChatStatus.ACTIVE && agent2.equals(c.agentId()) ? c : null;
        }, "the chat is agent2's once their phone answered");
        assertEquals("voice", moved.channel());
        assertTrue(sipp.waitFor(20, TimeUnit.SECONDS), "agent1's phone is done");
        assertEquals(0, sipp.exitValue(), "agent1's phone got 202, NOTIFY 100 then 200, and a BYE: " + sippLog());
        assertFalse(caller.isEnded(), "the caller is still on the line, with agent2");
        caller.hangup();
        await(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
        await(() -> agent2Calls.getLast().isEnded() ? true : null, "agent2's leg is hung up");
    }

    @Test
    void aTransferToSomeoneWhoIsNoAgentFailsAndTheCallStaysWithTheAgent() throws Exception {
        int before = agent2Calls.size();
        sipp = agent1Phone("sip:nobody@127.0.0.1", "SIP/2.0 404");
        SipCall caller = call("13900007777");
        Chat chat = await(() -> activeWith(agent1), "agent1's phone (sipp) answers");
        Thread.sleep(3000); // the REFER is refused meanwhile
        assertEquals(agent1, desk.chat(chat.chatId()).agentId(), "the chat stays with agent1");
        assertEquals(ChatStatus.ACTIVE, desk.chat(chat.chatId()).status());
        assertFalse(caller.isEnded());
        assertEquals(before, agent2Calls.size(), "nobody else's phone rang");
        caller.hangup();
        assertTrue(sipp.waitFor(20, TimeUnit.SECONDS), "agent1's phone is done");
        assertEquals(0, sipp.exitValue(), "a NOTIFY 404, then our BYE when the caller hung up: " + sippLog());
        await(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
    }

    private SipCall call(String number) throws Exception {
        callerUa = SipUserAgent.start(SipSettings.local(0).withRtpPorts(48000, 48499), c -> {});
        SipCall call = callerUa.dial("sip:hotline@127.0.0.1:" + app.telephony().orElseThrow().sipPort(), number, Duration.ofSeconds(10))
                .get(15, TimeUnit.SECONDS);
        Thread.sleep(800);
        call.sendDtmf('0');
        return call;
    }

    private Path sippDir;

    /** sipp as agent1's desk phone, pressing transfer to {@code target}; its final NOTIFY must contain {@code expected}. */
    private Process agent1Phone(String target, String expected) throws Exception {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/sipp/refer-agent.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("TARGET", target).replace("FINAL", expected);
        }
        sippDir = Files.createTempDirectory(data, "sipp");
        Path file = sippDir.resolve("refer-agent.xml");
        Files.writeString(file, xml, StandardCharsets.ISO_8859_1);
        Process p = new ProcessBuilder("sipp", "-sf", file.toString(), "-i", "127.0.0.1", "-p", String.valueOf(agent1Port), "-t", "u1",
                "-m", "1", "-nostdin", "-timeout", "60s", "-trace_err", "-error_file", sippDir.resolve("errors.log").toString())
                .directory(sippDir.toFile()).redirectErrorStream(true).redirectOutput(sippDir.resolve("out.log").toFile()).start();
        Thread.sleep(300);
        return p;
    }

    private String sippLog() throws Exception {
        Path err = sippDir.resolve("errors.log");
        return Files.exists(err) ? Files.readString(err, StandardCharsets.ISO_8859_1) : "(no sipp errors)";
    }

    private static Chat activeWith(String agentId) {
        return desk.snapshot(agentId).chats().stream().filter(c -> "voice".equals(c.channel()) && c.status() == ChatStatus.ACTIVE)
                .findFirst().orElse(null);
    }

    private static <T> T await(Supplier<T> probe, String what) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        T v = probe.get();
        while (v == null && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            v = probe.get();
        }
        assertNotNull(v, what);
        return v;
    }
}
