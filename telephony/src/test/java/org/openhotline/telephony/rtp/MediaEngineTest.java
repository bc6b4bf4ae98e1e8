package org.openhotline.telephony.rtp;

import static org.junit.jupiter.api.Assertions.*;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.telephony.Await;
import org.openhotline.voice.codec.G711;

class MediaEngineTest {
    private final InetAddress lo = InetAddress.getLoopbackAddress();
    private final MediaEngine engine = new MediaEngine(lo, 40000 + (int) (Math.random() * 20000), 62000);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aPromptArrivesAsAudioAndAKeyAsOneEventAtTheOtherEnd() throws Exception {
        RtpSession a = engine.open(), b = engine.open();
        a.connect(new InetSocketAddress(lo, b.localPort()), G711.Law.ALAW, 101);
        b.connect(new InetSocketAddress(lo, a.localPort()), G711.Law.ULAW, 101);
        List<Character> keys = new CopyOnWriteArrayList<>();
        List<Short> loud = new CopyOnWriteArrayList<>();
        b.addListener(new MediaListener() {
            public void onAudio(short[] f) { for (short s : f) if (Math.abs(s) > 4000) { loud.add(s); break; } }
            public void onDtmf(char k) { keys.add(k); }
        });
        short[] tone = new short[8000];
        for (int i = 0; i < tone.length; i++) tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        assertTrue(a.play(tone).done().get(30, TimeUnit.SECONDS), "played to the end");
        a.sendDtmf('5');
        a.sendDtmf('#');
        Await.until(() -> keys.size() >= 2, () -> "both keys arrive: " + keys);
        assertEquals(List.of('5', '#'), keys);
        Await.until(() -> loud.size() > 30, () -> "most of the second of tone was heard: " + loud.size());
        assertTrue(loud.size() > 30, "most of the second of tone was heard: " + loud.size());
        assertEquals(2, b.stats().dtmfIn());
        assertTrue(a.stats().packetsOut() > 50);
    }

    @Test
    void garbageOnTheRtpPortIsCountedAndTheCallGoesOn() throws Exception {
        RtpSession b = engine.open();
        List<Character> keys = new CopyOnWriteArrayList<>();
        b.addListener(new MediaListener() {
            public void onDtmf(char k) { keys.add(k); }
        });
        try (DatagramSocket s = new DatagramSocket()) {
            InetSocketAddress to = new InetSocketAddress(lo, b.localPort());
            for (byte[] junk : List.of(new byte[] {1, 2, 3}, new byte[40], "INVITE sip:x SIP/2.0".getBytes(), new byte[] {(byte) 0x80, 101, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 99}))
                s.send(new DatagramPacket(junk, junk.length, to));
            byte[] ok = new byte[16];
            new RtpPacket(101, true, 2, 500, 7, DtmfEvent.of('9', false, 160).bytes()).writeTo(java.nio.ByteBuffer.wrap(ok));
            s.send(new DatagramPacket(ok, ok.length, to));
        }
        Await.until(() -> !keys.isEmpty(), "the valid event after the junk arrives");
        assertEquals(List.of('9'), keys);
        assertEquals(4, b.stats().malformed());
    }
}
