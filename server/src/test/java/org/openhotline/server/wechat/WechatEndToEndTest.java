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
import org.openhotline.server.app.HotlineApp;
import org.openhotline.wechat.simulator.WechatSimulator;
import org.openhotline.wechat.simulator.WechatSimulator.Attempt;
import org.openhotline.wechat.simulator.WechatSimulator.Mode;

/** The product's /wechat/callback (Javalin) with the real conversation, configured by the env names. */
class WechatEndToEndTest {
    static final String AES_KEY = WechatApps.AES_KEY;
    static final String ADMIN = "e2e-admin-token";
    @TempDir
    static Path data;
    static HotlineApp app;
    static WechatSimulator wechat;

    @BeforeAll
    static void start() {
        wechat = new WechatSimulator("wxe2e0000000000", "e2e-secret", "e2e-token", AES_KEY);
        app = WechatApps.start(data, wechat, "wxe2e0000000000", "e2e-secret", "e2e-token", AES_KEY, Map.of("HOTLINE_SERVER_ADMIN_TOKEN", ADMIN,
                "HOTLINE_WECHAT_MENU", "CARD=category:12345/户籍证件,ALL=category:12345,SUBWAY=地铁几点收班"));
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

    @Test
    void aMenuButtonMappedToACategoryListsItsQuestions() {
        Attempt a = wechat.deliver(wechat.eventXml("o-e2e-menu", "CLICK", "CARD"), Mode.SAFE).get(0);
        assertTrue(a.replyText().startsWith("【12345/户籍证件】大家常问："), a.replyText());
        assertTrue(a.replyText().split("\n· ").length >= 3, a.replyText());
        Attempt top = wechat.deliver(wechat.eventXml("o-e2e-menu", "CLICK", "ALL"), Mode.SAFE).get(0);
        assertTrue(top.replyText().startsWith("【12345】大家常问：") && top.replyText().split("\n· ").length == 9, "a category holds its sub-categories: " + top.replyText());
    }

    @Test
    void anUndeliveredMessageIsListedForAdminsOnly() throws Exception {
        wechat.failNextSends(45015);
        var d = app.wechat().orElseThrow().push("o-e2e-quiet", "您的留言已有答复").get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(false, d.delivered());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String url = "http://127.0.0.1:" + app.port() + WechatRoute.UNDELIVERED;
        var denied = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, denied.statusCode());
        var listed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "?limit=5")).header("Authorization", "Bearer " + ADMIN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listed.statusCode(), listed.body());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(listed.body());
        var first = json.path("undelivered").get(0);
        assertEquals("o-e2e-quiet", first.path("openId").asText());
        assertEquals("您的留言已有答复", first.path("text").asText());
        assertEquals(45015, first.path("errorCode").asInt());
        assertEquals("undelivered", first.path("status").asText());
        var bad = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "?limit=abc")).header("Authorization", "Bearer " + ADMIN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
    }
}
