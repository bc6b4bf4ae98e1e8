package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
import org.openhotline.server.Await;
import org.openhotline.server.app.HotlineApp;
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
        app = PhoneApp.start(data, "press-zero.yml", 0, 1, 47500, "agent1=sip:agent@127.0.0.1:" + agent1Port,
                "agent2=sip:agent2@127.0.0.1:" + agent2Phone.port());
        desk = app.desk().orElseThrow();
        agent1 = PhoneApp.accountId(app, "agent1");
        agent2 = PhoneApp.accountId(app, "agent2");
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
        Chat chat = Await.value(() -> activeWith(agent1), "agent1's phone (sipp) answers: the chat is agent1's");
        desk.presence(agent2, Presence.ONLINE);
        Await.value(() -> agent2Calls.isEmpty() ? null : true, "the REFER rings agent2's phone");
        Chat moved = Await.value(() -> {
            Chat c = desk.chat(chat.chatId());
            return c.status() == ChatStatus.ACTIVE && agent2.equals(c.agentId()) ? c : null;
        }, "the chat is agent2's once their phone answered");
        assertEquals("voice", moved.channel());
        assertTrue(sipp.waitFor(30, TimeUnit.SECONDS), "agent1's phone is done");
        assertEquals(0, sipp.exitValue(), "agent1's phone got 202, NOTIFY 100 then 200, and a BYE: " + sippLog());
        assertFalse(caller.isEnded(), "the caller is still on the line, with agent2");
        caller.hangup();
        Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
        Await.until(() -> agent2Phone.activeCalls() == 0, "agent2's leg is hung up");
    }

    @Test
    void aTransferToSomeoneWhoIsNoAgentFailsAndTheCallStaysWithTheAgent() throws Exception {
        int before = agent2Calls.size();
        sipp = agent1Phone("sip:nobody@127.0.0.1", "SIP/2.0 404");
        SipCall caller = call("13900007777");
        Chat chat = Await.value(() -> activeWith(agent1), "agent1's phone (sipp) answers");
        // sipp sends its REFER 3 s after the ACK; hanging up before the refusal's NOTIFY reached it would cross our BYE
        Await.until(() -> sippMessages().contains("SIP/2.0 404"), "agent1's phone got the NOTIFY refusing its REFER");
        assertEquals(agent1, desk.chat(chat.chatId()).agentId(), "the chat stays with agent1");
        assertEquals(ChatStatus.ACTIVE, desk.chat(chat.chatId()).status());
        assertFalse(caller.isEnded());
        assertEquals(before, agent2Calls.size(), "nobody else's phone rang");
        caller.hangup();
        assertTrue(sipp.waitFor(30, TimeUnit.SECONDS), "agent1's phone is done");
        assertEquals(0, sipp.exitValue(), "a NOTIFY 404, then our BYE when the caller hung up: " + sippLog());
        Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
    }

    private SipCall call(String number) throws Exception {
        callerUa = SipUserAgent.start(SipSettings.local(0).withRtpPorts(48000, 48499), c -> {});
        return PhoneApp.callForAnAgent(callerUa, app, number);
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
                "-m", "1", "-nostdin", "-timeout", "60s", "-trace_err", "-error_file", sippDir.resolve("errors.log").toString(), "-trace_msg")
                .directory(sippDir.toFile()).redirectErrorStream(true).redirectOutput(sippDir.resolve("out.log").toFile()).start();
        String local = String.format(":%04X", agent1Port);
        Await.until(() -> { // listed in the kernel's UDP table: probing the port by binding it could make sipp's bind fail
            try {
                return Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(l -> l.trim().split("\\s+")[1].endsWith(local));
            } catch (java.io.IOException e) {
                return false;
            }
        }, "sipp listens as agent1's phone on UDP " + agent1Port);
        return p;
    }

    /** What sipp sent and received so far (its -trace_msg file). */
    private String sippMessages() {
        try (var files = Files.list(sippDir)) {
            Path log = files.filter(f -> f.getFileName().toString().endsWith("_messages.log")).findFirst().orElse(null);
            return log == null ? "" : Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private String sippLog() throws Exception {
        Path err = sippDir.resolve("errors.log");
        return Files.exists(err) ? Files.readString(err, StandardCharsets.ISO_8859_1) : "(no sipp errors)";
    }

    private static Chat activeWith(String agentId) {
        return desk.snapshot(agentId).chats().stream().filter(c -> "voice".equals(c.channel()) && c.status() == ChatStatus.ACTIVE)
                .findFirst().orElse(null);
    }
}
