package org.openhotline.wechat.api;

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
    void networkTimeoutsAreRetriedWithBackoffThenRecorded() throws Exception {
        send("o-1", "warm the token"); // so the slow part is the send itself
        wechat.apiDelay(Duration.ofMillis(600));
        long t0 = System.nanoTime();
        var pending = sender.send("o-1", "超时的答复");
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 100, "send() returns at once");
        Delivery d = pending.get(10, TimeUnit.SECONDS);
        assertFalse(d.delivered());
        assertEquals(3, d.attempts());
        assertEquals("超时的答复", undelivered.recent(1).get(0).text());
    }

    @Test
    void aSlowNetworkThatRecoversDelivers() throws Exception {
        send("o-1", "warm");
        wechat.apiDelay(Duration.ofMillis(600));
        var pending = sender.send("o-1", "终于送达");
        Thread.sleep(200);
        wechat.apiDelay(Duration.ZERO);
        Delivery d = pending.get(10, TimeUnit.SECONDS);
        assertTrue(d.delivered());
        assertTrue(d.attempts() >= 2);
        assertTrue(wechat.sent().contains(new Sent("o-1", "终于送达")));
    }
}
