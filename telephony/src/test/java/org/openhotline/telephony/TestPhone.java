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
    /** Every 20 ms frame heard, in order, to tell prompts from tones by what was heard rather than by elapsed time. */
    private final java.util.List<short[]> heard = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

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
                heard.add(f.clone());
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

    /**
     * Whether, since {@code framesBefore} loud frames, the phone heard more and then nothing loud for {@code quietMillis}:
     * a prompt played to its end (tests speak after it rather than after a guessed pause).
     */
    public boolean heardThenQuiet(int framesBefore, int quietMillis) {
        return loudFrames.get() > framesBefore && System.nanoTime() - lastLoudNanos.get() > quietMillis * 1_000_000L;
    }

    public SipCall call() {
        return call;
    }

    /** Frames heard so far: a mark for {@link #loudFrame} and {@link #toneRun}. */
    public int frames() {
        return heard.size();
    }

    /**
     * The first loud frame from {@code from} on that is ({@code tone} true) or is not mostly {@code hz}, e.g. the first
     * word of a spoken prompt after a tone; -1 if none was heard yet.
     */
    public int loudFrame(int from, int hz, boolean tone) {
        synchronized (heard) {
            for (int i = Math.max(from, 0); i < heard.size(); i++) {
                short[] f = heard.get(i);
                if (loud(f) && isTone(f, hz) == tone) return i;
            }
        }
        return -1;
    }

    /** The frame after the first {@code length} frames in a row from {@code from} on that are a pure {@code hz} tone; -1 if none yet. */
    public int toneRun(int from, int hz, int length) {
        synchronized (heard) {
            int run = 0;
            for (int i = Math.max(from, 0); i < heard.size(); i++) {
                run = isTone(heard.get(i), hz) ? run + 1 : 0;
                if (run == length) return i + 1;
            }
        }
        return -1;
    }

    private static boolean loud(short[] f) {
        for (short s : f) if (Math.abs(s) > 2000) return true;
        return false;
    }

    private static boolean isTone(short[] f, int hz) {
        return Tones.dominance(f, 0, f.length, 8000, hz) > 0.8; // speech never puts this much of a frame in one frequency
    }

    /** Plays a tone of {@code millis} into the call (the caller speaking, as far as a VAD can tell). */
    public org.openhotline.telephony.rtp.Playback speak(int millis) {
        short[] s = new short[millis * 8];
        for (int i = 0; i < s.length; i++) s[i] = (short) (9000 * Math.sin(2 * Math.PI * 400 * i / 8000.0) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * i / 8000.0)));
        return call.media().play(s);
    }

    @Override
    public void close() {
        ua.close();
    }
}
