package org.openhotline.telephony;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * A softphone for tests, on the project's own SIP stack: it dials over real SIP/RTP on loopback, presses keys as
 * RFC 4733 events, plays audio into the call and counts the loud frames it hears.
 */
public final class TestPhone implements AutoCloseable {
    private final SipUserAgent ua;
    private SipCall call;
    private final AtomicInteger loudFrames = new AtomicInteger();
    private final AtomicLong lastLoudNanos = new AtomicLong();

    private final java.util.List<SipCall> answered = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Dials out, and answers any call made to it (as a group leader's phone). */
    public TestPhone() throws Exception {
        int base = 30000 + (int) (Math.random() * 25000);
        ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base, base + 100), c -> {
            call = c;
            listen(c);
            answered.add(c);
            c.ended().join();
        });
    }

    public String uri() {
        return "sip:phone@127.0.0.1:" + ua.port();
    }

    /** Calls this phone answered whose ACK reached it (a call hung up before its ACK was handled is not listed). */
    public java.util.List<SipCall> answered() {
        return answered;
    }

    /**
     * Calls open on this phone, from the INVITE on: 0 again once every call it answered was hung up. Tests wait on
     * this rather than on {@link #answered()}, which a BYE handled before the ACK leaves empty.
     */
    public int activeCalls() {
        return ua.activeCalls();
    }

    public SipCall dial(int port) throws Exception {
        call = ua.dial("sip:hotline@127.0.0.1:" + port, "13800138000", Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
        listen(call);
        return call;
    }

    private void listen(SipCall c) {
        c.media().addListener(new MediaListener() {
            @Override
            public void onAudio(short[] f) {
                for (short s : f) {
                    if (Math.abs(s) > 2000) {
                        loudFrames.incrementAndGet();
                        lastLoudNanos.set(System.nanoTime());
                        return;
                    }
                }
            }
        });
    }

    public void press(String keys) {
        for (char k : keys.toCharArray()) call.sendDtmf(k);
    }

    public int loudFrames() {
        return loudFrames.get();
    }

    public SipCall call() {
        return call;
    }

    /** Plays a tone of {@code millis} into the call (the caller speaking, as far as a VAD can tell). */
    public void speak(int millis) {
        short[] s = new short[millis * 8];
        for (int i = 0; i < s.length; i++) s[i] = (short) (9000 * Math.sin(2 * Math.PI * 400 * i / 8000.0) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * i / 8000.0)));
        call.media().play(s);
    }

    @Override
    public void close() {
        ua.close();
    }
}
