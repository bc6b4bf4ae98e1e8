package org.openhotline.telephony.bridge;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.TestPhone;
import org.openhotline.telephony.Tones;
import org.openhotline.telephony.ivr.IvrDefinition;
import org.openhotline.telephony.ivr.IvrEngine;
import org.openhotline.telephony.ivr.IvrParser;
import org.openhotline.telephony.ivr.IvrServices;
import org.openhotline.telephony.ivr.NodeTrail;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.voice.prompt.PromptCache;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.FreeTtsSynthesizer;

/**
 * The bureau's music on hold: a queued caller (real SIP/RTP on loopback) hears the recording the bridge is given —
 * here a 1300 Hz tone no note of the synthetic music has — and the synthetic music when the recording cannot be had.
 */
class RecordedHoldMusicTest {
    private static final int TONE_HZ = 1300;
    private static PromptCache speech;
    @TempDir Path dir;
    private SipUserAgent ivrAgent;
    private TestPhone phone;
    private DirectQueue queue;
    private final NodeTrail trail = new NodeTrail();
    private final List<short[]> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void engines() {
        speech = new PromptCache(new FreeTtsSynthesizer(), 16);
    }

    @AfterEach
    void stop() {
        if (phone != null) phone.close();
        if (ivrAgent != null) ivrAgent.close();
    }

    private void queueACall(Supplier<short[]> music) throws Exception {
        IvrDefinition ivr = IvrParser.read(getClass().getResourceAsStream("/ivr/test-ivr.yml"), "test-ivr.yml");
        int base = 30000 + (int) (Math.random() * 25000);
        ivrAgent = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base, base + 100), null);
        queue = new DirectQueue(Map.of(), null);
        Bridge bridge = new Bridge(ivrAgent, queue, new RecentMissedCalls(10), dir.resolve("recordings"), Duration.ofSeconds(10)).holdMusic(music);
        ivrAgent.handler(new IvrEngine(ivr, new IvrServices(null, null, Map.of(), bridge, null, dir, trail), new Prompts(null, speech)));
        phone = new TestPhone();
        phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("7"); // the "held" transfer: the queue keeps the call and rings nobody
        queue.held.get(20, TimeUnit.SECONDS);
        phone.call().media().addListener(new MediaListener() {
            @Override
            public void onAudio(short[] f) {
                heard.add(f.clone());
            }
        });
    }

    /** Waits (up to 30 s) until the last 3 s heard are there, and returns them. */
    private short[] lastSeconds() throws InterruptedException {
        int want = 3 * 8000;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (heard.stream().mapToInt(f -> f.length).sum() < want) {
            assertTrue(System.nanoTime() < deadline, "the queued caller heard only " + heard.size() + " frames");
            Thread.sleep(50);
        }
        List<short[]> frames = List.copyOf(heard);
        short[] out = new short[want];
        int at = want;
        for (int i = frames.size() - 1; i >= 0 && at > 0; i--) {
            short[] f = frames.get(i);
            int n = Math.min(at, f.length);
            System.arraycopy(f, f.length - n, out, at - n, n);
            at -= n;
        }
        return out;
    }

    @Test
    void aQueuedCallerHearsTheRecordedMusicLooped() throws Exception {
        short[] tone = new short[8000]; // one second, so three seconds heard are the loop going round
        for (int i = 0; i < tone.length; i++) tone[i] = (short) (8000 * Math.sin(2 * Math.PI * TONE_HZ * i / 8000.0));
        queueACall(() -> tone);
        double share = Tones.share(lastSeconds(), 8000, TONE_HZ);
        assertTrue(share > 0.8, "the recorded tone is what the caller hears: " + share);
        phone.call().hangup();
    }

    @Test
    void withoutARecordingTheSyntheticMusicPlays() throws Exception {
        queueACall(() -> { throw new IllegalStateException("the prompts folder is unreadable"); });
        short[] heardNow = lastSeconds();
        assertEquals(0.0, Tones.share(heardNow, 8000, TONE_HZ), 0.05, "no recorded tone");
        assertTrue(Tones.share(heardNow, 8000, 261.63) + Tones.share(heardNow, 8000, 220.0) + Tones.share(heardNow, 8000, 392.0) > 0.05,
                "the synthetic arpeggio plays");
        phone.call().hangup();
    }
}
