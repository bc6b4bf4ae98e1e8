package org.openhotline.server.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.wechat.simulator.WechatSimulator;
import org.openhotline.wechat.simulator.WechatSimulator.Attempt;
import org.openhotline.wechat.simulator.WechatSimulator.Mode;

/** The product's /wechat/callback (Javalin) with the real conversation, configured by the env names. */
class WechatEndToEndTest {
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFE";
    @TempDir
    static Path data;
    static HotlineApp app;
    static WechatSimulator wechat;

    @BeforeAll
    static void start() {
        wechat = new WechatSimulator("wxe2e0000000000", "e2e-secret", "e2e-token", AES_KEY);
        HotlineConfig config = HotlineConfig.load(null, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0",
                "HOTLINE_WECHAT_APPID", "wxe2e0000000000", "HOTLINE_WECHAT_SECRET", "e2e-secret", "HOTLINE_WECHAT_TOKEN", "e2e-token",
                "HOTLINE_WECHAT_AESKEY", AES_KEY, "HOTLINE_WECHAT_API_BASE_URL", wechat.apiBaseUrl()));
        app = new HotlineApp(config).start(ProgressListener.NONE);
        wechat.callbackUrl("http://127.0.0.1:" + app.port() + WechatRoute.PATH);
    }

    @AfterAll
    static void stop() {
        app.close();
        wechat.close();
    }

    @Test
    void urlVerificationPasses() {
        assertEquals("e2e-echo", wechat.verify("e2e-echo").body());
    }

    @Test
    void aCitizensQuestionGetsTheKnowledgeBaseAnswerSealed() {
        List<Attempt> a = wechat.deliver(wechat.textXml("o-e2e-citizen", "租房怎么提取住房公积金"), Mode.SAFE);
        assertEquals(1, a.size());
        assertTrue(a.get(0).body().contains("<Encrypt>"));
        assertTrue(a.get(0).replyText().contains("公积金"), a.get(0).replyText());
    }

    @Test
    void aNewFollowerIsWelcomedWithHotQuestions() {
        Attempt a = wechat.deliver(wechat.eventXml("o-e2e-new", "subscribe", null), Mode.COMPATIBLE).get(0);
        assertTrue(a.replyText().contains("大家最近常问"), a.replyText());
        assertTrue(a.replyText().contains("1. "), a.replyText());
    }

    @Test
    void aForgedCallbackIsRefused() {
        Map<String, String> q = wechat.signedQuery();
        q.put("signature", "0".repeat(40));
        assertEquals(403, wechat.postRaw(q, wechat.textXml("o-e2e-evil", "你好")).status());
    }
}
