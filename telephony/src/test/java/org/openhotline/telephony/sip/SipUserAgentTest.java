package org.openhotline.telephony.sip;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhotline.telephony.Await;
import org.openhotline.telephony.rtp.MediaListener;

/** The user agent against sipp on loopback: a call with audio and RFC 4733 keys, CANCEL, hold + INFO, broken input. */
class SipUserAgentTest {
    private SipUserAgent ua;
    private final List<Character> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger loudFrames = new AtomicInteger();
    private final BlockingQueue<SipCall> ended = new LinkedBlockingQueue<>();
    private final List<Boolean> holdStates = new CopyOnWriteArrayList<>();
    /** A key on which the answering handler hangs up (for callers that wait for our BYE), or null. */
    private volatile Character hangUpOn;

    @BeforeAll
    static void sippIsThere() {
        assertTrue(Sipp.installed(), "sipp missing: apt-get install sip-tester (./hotline test installs it)");
    }

    @AfterEach
    void stop() {
        if (ua != null) ua.close();
    }

    private void start(Duration ring) throws Exception {
        int rtpBase = 30000 + (int) (Math.random() * 20000);
        ua = SipUserAgent.start(SipSettings.local(0).withRing(ring).withRtpPorts(rtpBase, rtpBase + 200), call -> {
            call.media().addListener(new MediaListener() {
                public void onAudio(short[] f) { for (short s : f) if (Math.abs(s) > 1000) { loudFrames.incrementAndGet(); break; } }
                public void onDtmf(char k) {
                    keys.add(k);
                    holdStates.add(call.heldByPeer());
                    if (hangUpOn != null && hangUpOn == k) call.hangup();
                }
            });
            call.media().play(new short[8000 * 10]); // ten seconds of silence, like a prompt
            call.ended().join();
        });
    }

    @Test
    void aCallOverUdpCarriesAudioAndKeysAsRtpEventsThenHangsUp() throws Exception {
        start(Duration.ZERO);
        // the caller waits for our hang-up on '#': a BYE of its own could overtake the key's RTP events under load
        hangUpOn = '#';
        Sipp.Result r = Sipp.run("call-dtmf-awaits-bye.xml", ua.port(), "u1", 1, 1, 1, 0);
        assertTrue(r.ok(), "the call was answered and both keys arrived, so we hung up: " + r.output());
        assertEquals(List.of('1', '#'), keys);
        assertTrue(loudFrames.get() > 20, "the caller's PCMA audio came through the jitter buffer: " + loudFrames.get());
        Await.until(() -> ua.activeCalls() == 0, () -> ua.activeCalls() + " calls still open");
        Await.until(() -> ua.mediaEngine().activeSessions() == 0, "RTP ports released"); // a call leaves the list before its media closes
    }

    @Test
    void aTransferKeyIsRefusedOnACallWithoutTransfersAndAnAttendedOneIsNotImplemented() throws Exception {
        start(Duration.ZERO);
        Sipp.Result r = Sipp.run("refer-refused.xml", ua.port(), "u1", 1, 1, 1, 0);
        assertTrue(r.ok(), "REFER with Replaces → 501, blind REFER on a citizen's call → 603, the call goes on: " + r.output());
        Await.until(() -> ua.activeCalls() == 0, () -> ua.activeCalls() + " calls still open");
    }

    @Test
    void aCallOverTcpWorksTheSame() throws Exception {
        start(Duration.ZERO);
        hangUpOn = '#';
        Sipp.Result r = Sipp.run("call-dtmf-awaits-bye.xml", ua.port(), "t1", 1, 1, 1, 0);
        assertTrue(r.ok(), "the call was answered and both keys arrived, so we hung up: " + r.output());
        assertEquals(List.of('1', '#'), keys);
    }

    @Test
    void aCallerHangingUpWhileItRingsGets487() throws Exception {
        start(Duration.ofSeconds(5));
        Sipp.Result r = Sipp.run("cancel.xml", ua.port(), "u1", 1, 1, 1, 0);
        assertTrue(r.ok(), r.output());
        Await.until(() -> ua.activeCalls() == 0, () -> ua.activeCalls() + " calls still open");
        Await.until(() -> ua.mediaEngine().activeSessions() == 0, "RTP ports released");
    }

    @Test
    void holdIsAnsweredRecvonlyAndAKeyCanComeAsSipInfo() throws Exception {
        start(Duration.ZERO);
        Sipp.Result r = Sipp.run("hold-info.xml", ua.port(), "u1", 1, 1, 1, 0);
        assertTrue(r.ok(), r.output());
        assertEquals(List.of('7'), keys);
        assertEquals(List.of(true), holdStates, "the key came while the caller held the call");
    }

    @Test
    void brokenSipAndRtpNeverStopTheAgentAnsweringTheNextCall() throws Exception {
        start(Duration.ZERO);
        InetAddress lo = InetAddress.getLoopbackAddress();
        List<String> garbage = List.of("\u0000\u0001\u0002", "INVITE\r\n\r\n", "SIP/2.0 200 OK\r\nVia: nonsense\r\n\r\n",
                "INVITE sip:a@b SIP/2.0\r\nContent-Length: 99999\r\n\r\nv=0", "x".repeat(70000));
        try (DatagramSocket udp = new DatagramSocket()) {
            for (String g : garbage) {
                byte[] b = g.getBytes(StandardCharsets.ISO_8859_1);
                udp.send(new DatagramPacket(b, Math.min(b.length, 65000), lo, ua.port()));
            }
        }
        for (String g : garbage) {
            try (Socket tcp = new Socket(lo, ua.port()); OutputStream out = tcp.getOutputStream()) {
                out.write(g.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }
        Sipp.run("malformed.xml", ua.port(), "u1", 1, 1, 1, 0); // its own result does not matter: what follows does
        // the caller stays on until we hang up on '#': its BYE cannot overtake the key's RTP events (it did under load)
        hangUpOn = '#';
        Sipp.Result r = Sipp.run("call-dtmf-awaits-bye.xml", ua.port(), "u1", 1, 1, 1, 0);
        assertTrue(r.ok(), "the call was answered and both keys arrived, so we hung up: " + r.output());
        assertEquals(List.of('1', '#'), keys);
    }

    @Test
    void itRegistersAtAPbxAnsweringTheDigestChallenge() throws Exception {
        int pbx = Sipp.freePort();
        Process registrar = Sipp.serve("registrar.xml", pbx);
        ua = SipUserAgent.start(SipSettings.local(0).withRegistrar("sip:127.0.0.1:" + pbx, "hotline", "s3cret", Duration.ofSeconds(600)), c -> {});
        Await.until(ua::registered, "registered at sipp");
        assertTrue(registrar.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, registrar.exitValue(), "sipp accepted the digest answer");
    }

    @Test
    void infoBodiesOfBothKindsGiveTheirKey() {
        assertEquals('5', InboundCalls.infoKey("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        assertEquals('#', InboundCalls.infoKey("application/dtmf-relay", "Signal=11\r\n"));
        assertEquals('*', InboundCalls.infoKey("application/dtmf", "*"));
        assertEquals(0, InboundCalls.infoKey("application/dtmf-relay", "Signal=Z\r\n"));
        assertEquals(0, InboundCalls.infoKey("text/plain", "5"));
    }
}
