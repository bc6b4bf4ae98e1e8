package org.openhotline.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.simulator.WechatSimulator.Attempt;
import org.openhotline.wechat.simulator.WechatSimulator.Mode;
import org.openhotline.wechat.simulator.WechatSimulator.Sent;

/**
 * The 5-second rule, scaled down: a reply budget of 300 ms and WeChat's patience of 150 ms to 1 s (the product's defaults
 * are 4 s and WeChat's 5 s). A slow answer is acknowledged with "success" and pushed once through the
 * customer-service API; retries never produce a second answer.
 */
class FiveSecondRuleTest {
    private static Rig rig(long wechatPatienceMs) throws Exception {
        Rig r = new Rig(b -> b.replyBudget(Duration.ofMillis(300)));
        // warm up first (class loading, AES, the first token): on a loaded 2-core machine a cold first callback
        // alone can outlast the scaled-down patience, which is not what these tests are about
        r.wechat.deliver(r.wechat.textXml("o-warm-up", "预热"), Mode.SAFE);
        r.wechat.deliver(r.wechat.textXml("o-warm-up", "预热"), Mode.PLAIN);
        r.bot.asked.clear();
        r.wechat.callbackTimeout(Duration.ofMillis(wechatPatienceMs));
        return r;
    }

    private static List<Sent> awaitSent(Rig r, int n) throws InterruptedException {
        Await.until(() -> r.wechat.sent().size() >= n, () -> n + " pushed answers expected, got " + r.wechat.sent());
        return r.wechat.sent();
    }

    @Test
    void aSlowAnswerIsAcknowledgedWithinTheBudgetAndDeliveredLaterExactlyOnce() throws Exception {
        try (Rig r = rig(1000)) {
            r.bot.delayMillis = 1500;
            List<Attempt> attempts = r.wechat.deliver(r.wechat.textXml("o-slow", "查社保缴费记录"), Mode.SAFE);
            assertEquals(1, attempts.size(), "answered in time: WeChat does not retry");
            assertEquals("success", attempts.get(0).body());
            assertTrue(attempts.get(0).millis() < 1000, "acknowledged within the budget: " + attempts.get(0).millis() + " ms");
            List<Sent> sent = awaitSent(r, 1);
            assertEquals(List.of(new Sent("o-slow", "答：查社保缴费记录")), sent);
            Thread.sleep(300);
            assertEquals(1, r.wechat.sent().size(), "delivered exactly once");
        }
    }

    @Test
    void retriesWhileTheFirstIsBeingAnsweredGetSuccessAndOnlyOneAnswerGoesOut() throws Exception {
        try (Rig r = rig(150)) { // WeChat gives up before our budget: every try times out and is retried
            r.bot.delayMillis = 1200;
            List<Attempt> attempts = r.wechat.deliver(r.wechat.textXml("o-retry", "公积金提取进度"), Mode.PLAIN);
            assertEquals(3, attempts.size(), "WeChat tried three times");
            assertEquals(List.of(new Sent("o-retry", "答：公积金提取进度")), awaitSent(r, 1));
            Thread.sleep(500);
            assertEquals(1, r.wechat.sent().size(), "one customer-service message in all");
            assertEquals(1, r.bot.asked.size(), "the bot answered once");
        }
    }

    @Test
    void aRetryOfAnAnsweredMessageGetsTheSameReplyWithoutAskingTheBotAgain() throws Exception {
        try (Rig r = rig(2000)) {
            String xml = r.wechat.textXml("o-same", "医保怎么报销");
            Map<String, String> q = r.wechat.signedQuery();
            Attempt first = r.wechat.postRaw(q, xml);
            Attempt retry = r.wechat.postRaw(r.wechat.signedQuery(), xml);
            assertEquals("答：医保怎么报销", first.replyText());
            assertEquals(first.replyText(), retry.replyText());
            assertEquals(1, r.bot.asked.size());
        }
    }

    @Test
    void eventsWithoutMsgIdAreDeduplicatedBySenderTimeAndEvent() throws Exception {
        try (Rig r = rig(2000)) {
            String subscribe = r.wechat.eventXml("o-evt", "CLICK", "K");
            String other = r.wechat.eventXml("o-evt-2", "CLICK", "K");
            assertEquals("success", r.wechat.postRaw(r.wechat.signedQuery(), subscribe).body()); // unmapped key: nothing to say
            Attempt a = r.wechat.postRaw(r.wechat.signedQuery(), r.wechat.eventXml("o-evt", "subscribe", null));
            Attempt again = r.wechat.postRaw(r.wechat.signedQuery(), r.wechat.eventXml("o-evt", "subscribe", null));
            assertTrue(a.replyText().startsWith("欢迎关注"));
            assertEquals(a.replyText(), again.replyText());
            assertEquals("success", r.wechat.postRaw(r.wechat.signedQuery(), other).body());
        }
    }
}
