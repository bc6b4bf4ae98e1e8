package org.openhotline.wechat.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.WechatSettings;
import org.openhotline.wechat.simulator.WechatSimulator;
import org.openhotline.wechat.simulator.WechatSimulator.Sent;

/** Customer-service sends through weixin-java-mp against the simulator's API, with each error WeChat can give. */
class KefuSenderTest {
    WechatSimulator wechat;
    InMemoryUndeliveredLog undelivered;
    KefuSender sender;

    @BeforeEach
    void start() {
        wechat = new WechatSimulator("wxapp", "s3cret", "tok", "");
        WechatSettings settings = WechatSettings.builder("tok").appId("wxapp").secret("s3cret").apiBaseUrl(wechat.apiBaseUrl())
                .apiTimeout(Duration.ofMillis(300)).build();
        undelivered = new InMemoryUndeliveredLog(100);
        sender = new KefuSender(new WechatApi(settings, new InMemoryTokenStore()), undelivered, 3, Duration.ofMillis(50), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private Delivery send(String openId, String text) throws Exception {
        return sender.send(openId, text).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theTokenIsFetchedOnceAndReused() throws Exception {
        assertTrue(send("o-1", "一").delivered());
        assertTrue(send("o-1", "二").delivered());
        assertEquals(1, wechat.tokensIssued());
        assertEquals(List.of(new Sent("o-1", "一"), new Sent("o-1", "二")), wechat.sent());
    }

    @Test
    void anInvalidatedTokenIsRefreshedAndTheSendRetriedOnce() throws Exception {
        assertTrue(send("o-1", "先").delivered());
        wechat.failNextSends(40001);
        Delivery d = send("o-1", "后");
        assertTrue(d.delivered());
        assertEquals(2, wechat.tokensIssued(), "a new token after 40001");
        assertEquals(new Sent("o-1", "后"), wechat.sent().get(1));
        assertTrue(undelivered.recent(10).isEmpty());
    }

    @Test
    void outsideThe48HourWindowTheAnswerIsRecordedForAgents() throws Exception {
        wechat.failNextSends(45015);
        Delivery d = send("o-gone-quiet", "您的缴费记录如下");
        assertFalse(d.delivered());
        assertEquals(45015, d.errorCode());
        Undelivered u = undelivered.recent(10).get(0);
        assertEquals("o-gone-quiet", u.openId());
        assertEquals("您的缴费记录如下", u.text());
        assertEquals(45015, u.errorCode());
        assertEquals(1, wechat.sendCalls(), "not retried");
    }

    @Test
    void afterTheQuotaNothingMoreIsPushedUntilTheCitizenWrites() throws Exception {
        wechat.failNextSends(45047);
        assertEquals(45047, send("o-chatty", "第21条").errorCode());
        int calls = wechat.sendCalls();
        Delivery held = send("o-chatty", "第22条");
        assertFalse(held.delivered());
        assertEquals(calls, wechat.sendCalls(), "backed off: WeChat not called again");
        assertEquals(2, undelivered.recent(10).size());
        sender.citizenWrote("o-chatty");
        assertTrue(send("o-chatty", "第23条").delivered());
    }

    @Test
    void aSendWhoseAnswerIsLostIsRecordedAsUncertainAndNeverRepeated() throws Exception {
        send("o-1", "warm the token"); // so the slow part is the send itself
        wechat.lostAnswerDelay(Duration.ofMillis(1000));
        wechat.failNextSends(WechatSimulator.LOST_ANSWER);
        var pending = sender.send("o-1", "超时的答复");
        // at once: before WeChat's answer, which is lost (read timeout 300 ms) — not a wall-clock bound a loaded box could miss
        assertFalse(pending.isDone(), "send() returns at once, the send going on behind it");
        Delivery d = pending.get(10, TimeUnit.SECONDS);
        assertFalse(d.delivered());
        assertEquals(1, d.attempts(), "a read timeout is not retried: WeChat may have delivered it");
        Undelivered u = undelivered.recent(1).get(0);
        assertEquals("超时的答复", u.text());
        assertTrue(u.uncertain());
        assertEquals("uncertain", u.status());
        Thread.sleep(1200);
        assertEquals(1, wechat.sent().stream().filter(x -> x.text().equals("超时的答复")).count(), "delivered exactly once");
    }

    @Test
    void aSendThatCouldNotConnectIsRetriedAndDeliversWhenWechatIsBack() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        WechatSettings settings = WechatSettings.builder("tok").appId("wxapp").secret("s3cret").apiBaseUrl("http://127.0.0.1:" + port)
                .apiTimeout(Duration.ofMillis(300)).build();
        KefuSender patient = new KefuSender(new WechatApi(settings, new InMemoryTokenStore()), undelivered, 5, Duration.ofMillis(200), Clock.systemUTC());
        var pending = patient.send("o-1", "终于送达");
        // tries at 0, 0.2, 0.6, 1.4 and 3 s: WeChat comes back after the first (even one a loaded box starts late) and before the last
        Thread.sleep(1000);
        try (WechatSimulator late = new WechatSimulator("wxapp", "s3cret", "tok", "", port)) {
            Delivery d = pending.get(10, TimeUnit.SECONDS);
            assertTrue(d.delivered(), "connection refused means not sent: retried");
            assertTrue(d.attempts() >= 2);
            assertEquals(List.of(new Sent("o-1", "终于送达")), late.sent());
        }
    }

    @Test
    void aSendThatNeverConnectsIsRecordedAsUndeliveredAfterItsTries() throws Exception {
        WechatSettings settings = WechatSettings.builder("tok").appId("wxapp").secret("s3cret").apiBaseUrl("http://127.0.0.1:9")
                .apiTimeout(Duration.ofMillis(300)).build();
        KefuSender s = new KefuSender(new WechatApi(settings, new InMemoryTokenStore()), undelivered, 3, Duration.ofMillis(20), Clock.systemUTC());
        Delivery d = s.send("o-1", "发不出去").get(10, TimeUnit.SECONDS);
        assertFalse(d.delivered());
        assertEquals(3, d.attempts());
        assertFalse(undelivered.recent(1).get(0).uncertain());
    }

    @Test
    void outsideTheWindowATemplateMessageGoesOutWhenConfigured() throws Exception {
        WechatSettings settings = WechatSettings.builder("tok").appId("wxapp").secret("s3cret").apiBaseUrl(wechat.apiBaseUrl())
                .apiTimeout(Duration.ofMillis(300)).build();
        TemplateSettings template = new TemplateSettings("TPL-REPLY", TemplateSettings.parseFields(
                List.of("first=您咨询的问题有了答复", "keyword1={short}", "keyword2={time}")), "");
        KefuSender s = new KefuSender(new WechatApi(settings, new InMemoryTokenStore()), undelivered, 3, Duration.ofMillis(20),
                Clock.fixed(java.time.Instant.parse("2026-03-02T02:30:00Z"), java.time.ZoneOffset.UTC), template, SendLimits.inMemory());
        wechat.failNextSends(45015);
        Delivery d = s.send("o-quiet", "您的公积金提取申请已审核通过，款项将于三个工作日内到账，请留意银行短信。").get(10, TimeUnit.SECONDS);
        assertTrue(d.delivered());
        WechatSimulator.SentTemplate t = wechat.templates().get(0);
        assertEquals("o-quiet", t.openId());
        assertEquals("TPL-REPLY", t.templateId());
        assertEquals("您咨询的问题有了答复", t.data().get("first"));
        assertEquals(20, t.data().get("keyword1").codePointCount(0, t.data().get("keyword1").length()), t.data().get("keyword1"));
        assertEquals("2026-03-02 10:30", t.data().get("keyword2"));
        assertTrue(undelivered.recent(10).isEmpty());

        wechat.failNextSends(45015);
        wechat.failNextTemplates(43004); // the citizen unfollowed
        assertFalse(s.send("o-quiet", "第二条").get(10, TimeUnit.SECONDS).delivered());
        Undelivered u = undelivered.recent(1).get(0);
        assertEquals(43004, u.errorCode());
        assertTrue(u.reason().contains("template"), u.reason());
    }

    @Test
    void anImageIsUploadedThenSent() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Delivery d = sender.sendImage("o-1", "map.png", png).get(10, TimeUnit.SECONDS);
        assertTrue(d.delivered());
        WechatSimulator.SentImage img = wechat.images().get(0);
        assertEquals("o-1", img.openId());
        assertArrayEquals(png, wechat.media(img.mediaId()));
    }
}
