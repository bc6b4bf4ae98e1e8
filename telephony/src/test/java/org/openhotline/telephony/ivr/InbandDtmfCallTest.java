package org.openhotline.telephony.ivr;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.TestPhone;
import org.openhotline.telephony.rtp.InbandDtmf;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.voice.dtmf.DtmfTones;
import org.openhotline.voice.prompt.PromptCache;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.FreeTtsSynthesizer;

/**
 * Keys played as tones in the caller's audio (a trunk without RFC 4733), over real SIP/RTP on loopback: the IVR's
 * in-band detector walks the menu with them; a press both signalled and played counts once; in auto mode a
 * signalled key stops the listening, and off ignores tones.
 */
class InbandDtmfCallTest {
    private static PromptCache speech;
    @TempDir Path dir;
    private SipUserAgent ivrAgent;
    private TestPhone phone;
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final NodeTrail trail = new NodeTrail() {
        @Override
        public void keyPressed(String callId, String node, char key) {
            keys.add(node + ":" + key);
        }
    };

    @BeforeAll
    static void tts() {
        speech = new PromptCache(new FreeTtsSynthesizer(), 16);
    }

    private void start(InbandDtmf mode) throws Exception {
        IvrDefinition ivr = IvrParser.read(getClass().getResourceAsStream("/ivr/test-ivr.yml"), "test-ivr.yml");
        int base = 30000 + (int) (Math.random() * 25000);
        ivrAgent = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base, base + 100),
                new IvrEngine(ivr, new IvrServices(null, null, Map.of(), null, null, dir, trail), new Prompts(null, speech)));
        ivrAgent.mediaEngine().inbandDtmf(mode);
        phone = new TestPhone();
        phone.dial(ivrAgent.port());
        trail.reach("main");
    }

    @AfterEach
    void stop() {
        if (phone != null) phone.close();
        if (ivrAgent != null) ivrAgent.close();
    }

    /** The phone plays the key's two tones into the call (100 ms, then 60 ms of silence), sending no telephone-event. */
    private void tone(String key) throws InterruptedException {
        var playing = phone.call().media().play(DtmfTones.sequence(key, 8000, 100, 60).samples());
        while (playing.playing()) Thread.sleep(10); // a press is over before the next: one long tone is one key
    }

    @Test
    void tonesAloneWalkTheMenu() throws Exception {
        start(InbandDtmf.AUTO);
        tone("3");
        trail.reach("level2");
        tone("1");
        trail.reach("level3");
        tone("1");
        trail.reach("level4");
        assertEquals(List.of("main:3", "level2:1", "level3:1"), keys);
        assertEquals(0, phone.call().media().stats().dtmfOut(), "no telephone-event was sent: the tones did it");
    }

    @Test
    void aPressBothSignalledAndPlayedCountsOnce() throws Exception {
        start(InbandDtmf.ON);
        phone.press("3");
        tone("3");
        trail.reach("level2");
        Thread.sleep(600); // a second "3" would be a wrong key at level two
        phone.press("1");
        tone("1");
        trail.reach("level3");
        Thread.sleep(600);
        assertEquals(List.of("main:3", "level2:1"), keys);
    }

    @Test
    void autoStopsListeningOnceKeysAreSignalled() throws Exception {
        start(InbandDtmf.AUTO);
        phone.press("3");
        trail.reach("level2");
        tone("1"); // the peer signals its keys: a tone is the caller's audio now, not a key
        trail.reach("fallback"); // level two times out twice
        assertEquals(List.of("main:3"), keys);
    }

    @Test
    void offIgnoresTones() throws Exception {
        start(InbandDtmf.OFF);
        tone("3");
        Thread.sleep(1500);
        phone.press("3");
        trail.reach("level2");
        assertEquals(List.of("main:3"), keys);
    }
}
