package org.openhotline.telephony.ivr;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.Await;
import org.openhotline.telephony.Baresip;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.prompt.PromptCache;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.FreeTtsSynthesizer;

/** baresip, a real softphone, calls the IVR: it hears the spoken prompts and the IVR hears its voice. */
class BaresipCallerTest {
    @TempDir Path dir;

    @Test
    void baresipCallsTheIvrAndBothSidesHearEachOther() throws Exception {
        assertTrue(Baresip.installed(), "baresip missing: apt-get install baresip");
        NodeTrail trail = new NodeTrail();
        java.util.List<Long> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        IvrDefinition ivr = IvrParser.read(getClass().getResourceAsStream("/ivr/test-ivr.yml"), "test-ivr.yml");
        IvrEngine engine = new IvrEngine(ivr, new IvrServices(null, null, Map.of(), null, null, dir, trail),
                new Prompts(null, new PromptCache(new FreeTtsSynthesizer(), 8)));
        int base = 30000 + (int) (Math.random() * 25000);
        try (SipUserAgent ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base, base + 100), call -> {
            try {
                engine.handle(call);
            } finally {
                heard.add(call.media().stats().packetsIn());
            }
        })) {
            Baresip caller = Baresip.calling(dir.resolve("baresip"), 300, "sip:hotline@127.0.0.1:" + ua.port(), 8);
            trail.reach("main");
            caller.awaitExit(20);
            PcmAudio fromIvr = caller.heard();
            long loud = 0;
            for (short s : fromIvr.samples()) if (Math.abs(s) > 1500) loud++;
            assertTrue(loud > 2000, "baresip heard the prompts: " + loud + " loud samples; " + caller.log());
            Await.until(() -> !heard.isEmpty(), "the call ended");
            assertTrue(heard.getFirst() > 200, "the IVR received baresip's audio: " + heard.getFirst() + " packets");
        }
    }
}
