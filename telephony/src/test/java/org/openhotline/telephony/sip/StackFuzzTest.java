package org.openhotline.telephony.sip;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhotline.telephony.Await;
import org.openhotline.telephony.TestPhone;
import org.openhotline.telephony.rtp.MediaListener;

/**
 * Random and truncated RTP and RTCP datagrams thrown at every media port of a user agent with a live call, and random
 * or cut-short SIP over UDP and TCP at its SIP port; afterwards the live call still hears keys and audio, and sipp
 * completes normal calls over UDP and TCP. The seed is printed so a failure can be replayed.
 */
class StackFuzzTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private SipUserAgent ua;
    private TestPhone phone;
    private final List<Character> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger loudFrames = new AtomicInteger();
    private final List<org.openhotline.telephony.rtp.RtpSession> sessions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void sippIsThere() {
        assertTrue(Sipp.installed(), "sipp missing: apt-get install sip-tester (./hotline test installs it)");
    }

    @AfterEach
    void stop() {
        if (phone != null) phone.close();
        if (ua != null) ua.close();
    }

    @Test
    void garbageOnEveryPortKillsNothing() throws Exception {
        long seed = System.nanoTime();
        System.out.println("StackFuzzTest seed " + seed);
        Random random = new Random(seed);
        int rtpBase = 30000 + 2 * random.nextInt(10000);
        ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(rtpBase, rtpBase + 40), call -> {
            sessions.add(call.media());
            call.media().addListener(new MediaListener() {
                public void onAudio(short[] f) { for (short s : f) if (Math.abs(s) > 3000) { loudFrames.incrementAndGet(); break; } }
                public void onDtmf(char k) { keys.add(k); }
            });
            call.ended().join();
        });
        phone = new TestPhone();
        phone.dial(ua.port());

        try (DatagramSocket udp = new DatagramSocket(0, LOOPBACK); DatagramSocket sip = new DatagramSocket(0, LOOPBACK)) {
            // a call of our own whose media we send: the session latches to us, so every datagram reaches the parser
            int media = ownCall(sip, udp, ua.port());
            for (int i = 0; i < 3000; i++) {
                byte[] d = random.nextInt(4) == 0 ? bytes(random, random.nextInt(300)) : rtpLike(random);
                udp.send(new DatagramPacket(d, d.length, LOOPBACK, media + random.nextInt(2)));
                if (i % 50 == 0) Thread.sleep(2); // bursts a socket buffer holds even while a loaded box starves the reader
            }
            for (int i = 0; i < 4000; i++) {
                byte[] d = random.nextInt(3) == 0 ? bytes(random, random.nextInt(300)) : rtpLike(random);
                udp.send(new DatagramPacket(d, d.length, LOOPBACK, rtpBase + random.nextInt(41)));
                if (i % 50 == 0) Thread.sleep(2); // let the selector breathe; the point is variety, not a flood
            }
            for (int i = 0; i < 600; i++) {
                byte[] d = random.nextBoolean() ? bytes(random, random.nextInt(1400)) : brokenInvite(random, ua.port());
                udp.send(new DatagramPacket(d, d.length, LOOPBACK, ua.port()));
            }
        }
        for (int i = 0; i < 40; i++) {
            try (Socket tcp = new Socket(LOOPBACK, ua.port())) {
                OutputStream out = tcp.getOutputStream();
                out.write(i % 2 == 0 ? bytes(random, random.nextInt(4000)) : brokenInvite(random, ua.port()));
                out.flush();
            } catch (java.io.IOException closedByPeer) {
                // a stack that hangs up on garbage is fine
            }
        }

        java.util.function.LongSupplier malformed = () -> sessions.stream().mapToLong(m -> m.stats().malformed()).sum();
        Await.until(() -> malformed.getAsLong() > 500, () -> "the garbage reached the RTP parser of the call we latched: " + malformed.getAsLong() + " dropped");

        // the live call is still served: a key arrives and the caller is heard
        keys.clear();
        phone.press("5");
        int loudBefore = loudFrames.get();
        phone.speak(1000);
        Await.until(() -> keys.contains('5'), () -> "the live call's key after the fuzz, seed " + seed + ": " + keys);
        Await.until(() -> loudFrames.get() - loudBefore >= 20, "the live call's audio after the fuzz, seed " + seed);
        phone.call().hangup();

        Sipp.Result overUdp = Sipp.run("call-dtmf.xml", ua.port(), "u1", 1, 1, 1, 200);
        assertTrue(overUdp.ok(), "seed " + seed + "\n" + overUdp.output());
        Sipp.Result overTcp = Sipp.run("call-dtmf.xml", ua.port(), "t1", 1, 1, 1, 200);
        assertTrue(overTcp.ok(), "seed " + seed + "\n" + overTcp.output());
    }

    /** Places a call by hand from {@code sip} whose SDP names {@code media}'s port; returns the agent's RTP port. */
    private static int ownCall(DatagramSocket sip, DatagramSocket media, int port) throws Exception {
        String callId = "fuzz-own-" + System.nanoTime();
        String body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + media.getLocalPort()
                + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n";
        String head = " sip:hotline@127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=z9hG4bK";
        String common = "From: <sip:13800138000@127.0.0.1>;tag=fz1\r\nCall-ID: " + callId + "\r\nMax-Forwards: 70\r\n";
        send(sip, port, "INVITE" + head + "inv" + System.nanoTime() + "\r\n" + common + "To: <sip:hotline@127.0.0.1>\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:13800138000@127.0.0.1:" + sip.getLocalPort() + ">\r\nContent-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        sip.setSoTimeout(10_000);
        byte[] buf = new byte[4000];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            sip.receive(p);
            String r = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
            if (!r.startsWith("SIP/2.0 200")) continue;
            String to = r.lines().filter(l -> l.regionMatches(true, 0, "To:", 0, 3)).findFirst().orElseThrow();
            send(sip, port, "ACK" + head + "ack" + System.nanoTime() + "\r\n" + common + to + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
            var m = java.util.regex.Pattern.compile("m=audio (\\d+)").matcher(r);
            assertTrue(m.find(), r);
            return Integer.parseInt(m.group(1));
        }
    }

    private static void send(DatagramSocket s, int port, String text) throws java.io.IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        s.send(new DatagramPacket(b, b.length, LOOPBACK, port));
    }

    /** An RTP-looking datagram: version 2 or not, random CSRC count, extension, padding, payload type and length. */
    private static byte[] rtpLike(Random r) {
        ByteBuffer b = ByteBuffer.allocate(r.nextInt(220));
        if (b.capacity() == 0) return new byte[0];
        int[] types = {0, 8, 13, 101, r.nextInt(128)};
        b.put((byte) ((r.nextInt(5) == 0 ? r.nextInt(4) : 2) << 6 | r.nextInt(64)));
        if (b.hasRemaining()) b.put((byte) ((r.nextBoolean() ? 0x80 : 0) | types[r.nextInt(types.length)]));
        while (b.hasRemaining()) b.put((byte) r.nextInt(256));
        return b.array();
    }

    /** An INVITE cut at a random point, with a random byte changed and sometimes a Content-Length that lies. */
    private static byte[] brokenInvite(Random r, int port) {
        String body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 101\r\n";
        String invite = "INVITE sip:hotline@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK" + r.nextInt(1_000_000) + "\r\n"
                + "From: <sip:fuzz@127.0.0.1>;tag=" + r.nextInt(1000) + "\r\nTo: <sip:hotline@127.0.0.1>\r\n"
                + "Call-ID: fuzz-" + r.nextLong() + "\r\nCSeq: 1 INVITE\r\nContact: <sip:fuzz@127.0.0.1:5999>\r\nMax-Forwards: 70\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + (r.nextInt(4) == 0 ? r.nextInt(100_000) : body.length()) + "\r\n\r\n" + body;
        byte[] b = invite.getBytes(StandardCharsets.US_ASCII);
        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        return java.util.Arrays.copyOf(b, 1 + r.nextInt(b.length));
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
