package org.openhotline.telephony.ivr;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.Await;
import org.openhotline.bot.flow.http.HttpBusinessClient;
import org.openhotline.telephony.TestPhone;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.prompt.PromptCache;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.FreeTtsSynthesizer;

/** A caller (real SIP and RTP on loopback) walks the test IVR by keypad; the IVR speaks with FreeTTS. */
class IvrCallTest {
    private static PromptCache speech;
    @TempDir Path dir;
    private SipUserAgent ivrAgent;
    private TestPhone phone;
    private HttpServer business;
    private NodeTrail trail;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> scores = new CopyOnWriteArrayList<>();
    private final List<Path> messages = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void tts() {
        speech = new PromptCache(new FreeTtsSynthesizer(), 16);
    }

    @BeforeEach
    void start() throws Exception {
        business = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        business.createContext("/lookup", ex -> {
            requests.add(ex.getRequestURI().getQuery() + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] b = "{\"status\":\"ok\",\"amount\":42}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        business.start();
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        short[] longTone = new short[8000 * 30];
        for (int i = 0; i < longTone.length; i++) longTone[i] = (short) (7000 * Math.sin(2 * Math.PI * 500 * i / 8000.0));
        WavFiles.write(prompts.resolve("long-welcome.wav"), new PcmAudio(longTone, 8000));
        IvrDefinition ivr = IvrParser.read(IvrCallTest.class.getResourceAsStream("/ivr/test-ivr.yml"), "test-ivr.yml");
        trail = new NodeTrail() {
            public void keyPressed(String callId, String node, char key) { keys.add(node + ":" + key); }
            public void surveyScore(String callId, String caller, int score) { scores.add(score); }
            public void voiceMessage(String callId, String caller, Path wav, long millis) { messages.add(wav); }
        };
        IvrServices services = new IvrServices(null, new HttpBusinessClient(),
                Map.of("business.base-url", "http://127.0.0.1:" + business.getAddress().getPort()), null, null, dir.resolve("messages"), trail);
        int base = 30000 + (int) (Math.random() * 25000);
        ivrAgent = SipUserAgent.start(SipSettings.local(0).withRtpPorts(base, base + 100), new IvrEngine(ivr, services, new Prompts(prompts, speech)));
        phone = new TestPhone();
    }

    @AfterEach
    void stop() {
        phone.close();
        ivrAgent.close();
        business.stop(0);
    }


    private void hungUpByIvr() throws Exception {
        assertNotNull(phone.call().ended().get(20, TimeUnit.SECONDS));
    }

    @Test
    void fiveMenuLevelsByKeypadThenASurveyScore() throws Exception {
        phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("3"); // barges into the 30-second welcome
        trail.reach("level2");
        for (String next : List.of("level3", "level4", "level5", "survey")) {
            phone.press("1");
            trail.reach(next);
        }
        phone.press("4");
        trail.reach("goodbye");
        hungUpByIvr();
        assertEquals(List.of("main", "level2", "level3", "level4", "level5", "survey", "goodbye"), trail.visited());
        assertEquals(List.of(4), scores);
        assertTrue(phone.loudFrames() > 10, "the caller heard the prompts: " + phone.loudFrames());
    }

    @Test
    void digitsGoToTheBusinessSystemAndItsAnswerIsSpokenAndBranchedOn() throws Exception {
        phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("1");
        trail.reach("query");
        phone.press("12345#");
        trail.reach("lookup");
        trail.reach("survey");
        assertEquals(1, requests.size());
        assertTrue(requests.getFirst().startsWith("caller=13800138000 "), requests.getFirst());
        assertTrue(requests.getFirst().endsWith("{\"id\":\"12345\"}"), requests.getFirst());
        phone.call().hangup();
    }

    @Test
    void wrongKeysAreRetriedThenTheFallbackRuns() throws Exception {
        phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("9");
        Await.until(() -> keys.contains("main:9"), "the menu took the wrong key");
        // a key pressed while "Wrong key." plays only stops that prompt: press once the welcome's 500 Hz plays again
        int afterKey = phone.frames();
        Await.until(() -> {
            int spoken = phone.loudFrame(afterKey, 500, false);
            return spoken >= 0 && phone.toneRun(spoken, 500, 5) >= 0;
        }, "'Wrong key.', then the welcome again");
        phone.press("8");
        trail.reach("fallback");
        trail.reach("goodbye");
        hungUpByIvr();
        assertEquals(List.of("main:9", "main:8"), keys);
        assertEquals(List.of("main", "fallback", "goodbye"), trail.visited());
    }

    @Test
    void aKeyPressedWhileWrongKeyPlaysIsTheNextChoice() throws Exception {
        phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("93"); // the 3 stops "Wrong key." (or skips it, typed ahead) and chooses level two
        trail.reach("level2");
        assertEquals(List.of("main:9", "main:3"), keys);
        phone.call().hangup();
    }

    @Test
    void silenceIsAskedAgainThenTheFallbackRuns() throws Exception {
        phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("3");
        trail.reach("level2");
        trail.reach("fallback");
        hungUpByIvr();
        assertEquals(List.of("main:3"), keys);
        assertTrue(phone.loudFrames() > 50, "the caller heard level two twice, 'nothing pressed' and the goodbye: " + phone.loudFrames());
    }

    @Test
    void aVoiceMessageIsRecordedUntilHash() throws Exception {
        phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.press("2");
        trail.reach("message");
        Await.until(() -> phone.toneRun(0, 1000, 10) >= 0, "the 1 kHz tone before the message");
        phone.speak(2000).done().get(30, TimeUnit.SECONDS);
        phone.press("#");
        trail.reach("goodbye");
        hungUpByIvr();
        assertEquals(1, messages.size());
        PcmAudio wav = WavFiles.read(messages.getFirst());
        long loud = 0;
        for (short s : wav.samples()) if (Math.abs(s) > 2000) loud++;
        assertTrue(loud > 8000, "about two seconds of the caller's voice in the message: " + loud + " loud samples of " + wav.length());
    }

    @Test
    void theCallerHangingUpEndsTheWalkQuietly() throws Exception {
        phone.dial(ivrAgent.port());
        trail.reach("main");
        phone.call().hangup();
        Await.until(() -> ivrAgent.activeCalls() == 0, "the IVR let go of the call");
        Await.until(() -> ivrAgent.mediaEngine().activeSessions() == 0, "its RTP ports are released");
    }

}
