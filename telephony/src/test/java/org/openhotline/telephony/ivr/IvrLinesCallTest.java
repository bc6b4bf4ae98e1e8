package org.openhotline.telephony.ivr;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.voice.prompt.PromptCache;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.FreeTtsSynthesizer;

/**
 * Two lines on one IVR server (real SIP and RTP on loopback): a call to 12345 walks line A's menu, a call to 12333
 * line B's, both at once, and a number with no line of its own gets the default IVR.
 */
class IvrLinesCallTest {
    private static PromptCache speech;
    @TempDir Path dir;
    private final NodeTrail defaultTrail = new NodeTrail(), lineA = new NodeTrail(), lineB = new NodeTrail();
    private SipUserAgent ivrAgent, phones;
    private IvrLines lines;

    @BeforeAll
    static void tts() {
        speech = new PromptCache(new FreeTtsSynthesizer(), 16);
    }

    @BeforeEach
    void start() throws Exception {
        Prompts prompts = new Prompts(null, speech);
        lines = new IvrLines(engine("test-ivr.yml", defaultTrail, prompts),
                Map.of("12345", engine("line-a.yml", lineA, prompts), "12333", engine("line-b.yml", lineB, prompts)));
        for (Thread t : lines.warmUp()) t.join();
        int base = 30000 + (int) (Math.random() * 25000);
        ivrAgent = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base, base + 100), lines);
        phones = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base + 200, base + 300), c -> c.ended().join());
    }

    private IvrEngine engine(String file, NodeTrail trail, Prompts prompts) {
        IvrDefinition ivr = IvrParser.read(getClass().getResourceAsStream("/ivr/" + file), file);
        return new IvrEngine(ivr, new IvrServices(null, null, Map.of(), null, null, dir, trail), prompts);
    }

    @AfterEach
    void stop() {
        if (phones != null) phones.close();
        if (ivrAgent != null) ivrAgent.close();
    }

    private SipCall dial(String number) throws Exception {
        return phones.dial("sip:" + number + "@127.0.0.1:" + ivrAgent.port(), "13800138000", Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
    }

    @Test
    void eachNumberDialledWalksItsOwnMenu() throws Exception {
        SipCall toA = dial("12345");
        SipCall toB = dial("12333");
        lineA.reach("a-main");
        lineB.reach("b-main");
        toB.sendDtmf('1');
        toA.sendDtmf('1');
        lineA.reach("a-info");
        lineB.reach("b-info");
        assertNotNull(toA.ended().get(20, TimeUnit.SECONDS), "line A's last node hangs up");
        assertNotNull(toB.ended().get(20, TimeUnit.SECONDS), "line B's last node hangs up");
        assertEquals(List.of("a-main", "a-info"), lineA.visited());
        assertEquals(List.of("b-main", "b-info"), lineB.visited());
        assertEquals(List.of(), defaultTrail.visited(), "the default IVR answered none of the listed numbers");
    }

    @Test
    void anUnlistedNumberGetsTheDefaultIvr() throws Exception {
        SipCall call = dial("hotline");
        defaultTrail.reach("main");
        call.hangup();
        assertEquals(List.of(), lineA.visited());
        assertEquals(List.of(), lineB.visited());
        assertSame(lines.engineFor(null), lines.engineFor("99999"));
    }
}
