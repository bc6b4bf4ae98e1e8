package org.openhotline.server.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.voice.asr.ClasspathModel;
import org.openhotline.wechat.WechatTexts;
import org.openhotline.wechat.simulator.WechatSimulator;
import org.openhotline.wechat.simulator.WechatSimulator.Attempt;
import org.openhotline.wechat.simulator.WechatSimulator.Mode;

/**
 * A WeChat voice message without WeChat's recognition, through the whole product: the simulator serves a real
 * AMR-NB recording of FreeTTS speech as media, the server downloads it, ffmpeg decodes it, the English Vosk model
 * (configured as {@code voice.asr.model-path}) recognises it and the recognised text reaches the bot.
 */
class WechatVoiceEndToEndTest {
    static final String ADMIN = "voice-e2e-admin";
    @TempDir
    static Path data;
    static HotlineApp app;
    static WechatSimulator wechat;

    @BeforeAll
    static void start() throws Exception {
        Path model = ClasspathModel.unpack(ClasspathModel.ENGLISH, Path.of("target", "vosk-model"));
        wechat = new WechatSimulator("wxvoice000000000", "voice-secret", "voicetoken", WechatApps.AES_KEY);
        app = WechatApps.start(data, wechat, "wxvoice000000000", "voice-secret", "voicetoken", WechatApps.AES_KEY, Map.of(
                "HOTLINE_SERVER_ADMIN_TOKEN", ADMIN, "HOTLINE_VOICE_ASR_MODEL_PATH", model.toString(), "HOTLINE_VOICE_ASR_LANGUAGE", "en"));
        try (InputStream in = WechatVoiceEndToEndTest.class.getResourceAsStream("/wechat-voice/transfer-agent.amr")) {
            wechat.putMedia("voice-agent", in.readAllBytes());
        }
        wechat.putMedia("voice-garbage", "#!AMR\nthis is no speech codec frame".getBytes());
    }

    @AfterAll
    static void stop() {
        app.close();
        wechat.close();
    }

    @Test
    void speechIsDownloadedRecognisedAndAnswered() throws Exception {
        String answer = answer("o-voice-speaker", wechat.deliver(wechat.voiceXml("o-voice-speaker", null, "voice-agent", "amr"), Mode.SAFE));
        assertTrue(!answer.isBlank() && !answer.equals(WechatTexts.defaults().voiceUnrecognised()), answer);
        JsonNode first = transcript("o-voice-speaker").get("messages").get(0);
        assertEquals("in", first.get("direction").asText(), first.toString());
        assertTrue(first.get("text").asText().endsWith("me to an agent"), "the recognised speech reached the bot: " + first);
    }

    @Test
    void audioThatDoesNotDecodeGetsThePoliteReply() throws Exception {
        String answer = answer("o-voice-noise", wechat.deliver(wechat.voiceXml("o-voice-noise", null, "voice-garbage", "amr"), Mode.PLAIN));
        assertEquals(WechatTexts.defaults().voiceUnrecognised(), answer);
        assertEquals(0, transcript("o-voice-noise").get("count").asInt(), "nothing reached the bot");
    }

    @Test
    void wechatsOwnRecognitionIsUsedWhenPresent() throws Exception {
        String answer = answer("o-voice-recognised", wechat.deliver(wechat.voiceXml("o-voice-recognised", "租房怎么提取住房公积金", "voice-gone", "amr"), Mode.SAFE));
        assertTrue(answer.contains("公积金"), answer);
    }

    /** The passive reply, or the customer-service message when the answer outran WeChat's five seconds on a loaded machine. */
    static String answer(String openId, List<Attempt> attempts) throws InterruptedException {
        for (Attempt a : attempts) if (a.replyText() != null && !a.replyText().isEmpty()) return a.replyText();
        for (int i = 0; i < 300; i++) {
            for (WechatSimulator.Sent s : wechat.sent()) if (s.openId().equals(openId)) return s.text();
            Thread.sleep(100);
        }
        throw new AssertionError("no answer to " + openId);
    }

    static JsonNode transcript(String openId) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/api/admin/conversations/wechat:" + openId))
                .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }
}
