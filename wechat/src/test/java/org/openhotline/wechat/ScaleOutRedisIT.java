package org.openhotline.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.api.Delivery;
import org.openhotline.wechat.api.InMemoryUndeliveredLog;
import org.openhotline.wechat.api.KefuSender;
import org.openhotline.wechat.simulator.WechatSimulator;
import org.openhotline.wechat.simulator.WechatSimulator.Attempt;
import org.openhotline.wechat.simulator.WechatSimulator.Sent;

/**
 * Two nodes sharing the real Redis (127.0.0.1:6379, a random key prefix): a retry that reaches the other node gets
 * the first node's reply and the bot answers once; the access token is fetched by one node and used by both.
 */
class ScaleOutRedisIT {
    static final String REDIS = System.getProperty("hotline.redis.url", "redis://127.0.0.1:6379");
    final String prefix = "it-wechat-" + UUID.randomUUID() + ":";

    @org.junit.jupiter.api.AfterEach
    void removeKeys() {
        try (var client = redis.clients.jedis.RedisClient.create(java.net.URI.create(REDIS))) {
            client.keys(prefix + "*").forEach(client::del);
        }
    }

    @Test
    void aRetryOnTheOtherNodeGetsTheSameReplyAndTheTokenIsShared() throws Exception {
        try (Rig a = new Rig(b -> b.redisUrl(REDIS).redisPrefix(prefix));
             Rig b = new Rig(x -> x.redisUrl(REDIS).redisPrefix(prefix), a.wechat)) {
            String xml = a.wechat.textXml("o-two-nodes", "社保卡怎么补办");
            Attempt first = a.wechat.postRaw(a.wechat.signedQuery(), xml);
            a.wechat.callbackUrl(b.http.url());
            Attempt retry = a.wechat.postRaw(a.wechat.signedQuery(), xml);
            assertEquals("答：社保卡怎么补办", first.replyText());
            assertEquals(first.replyText(), retry.replyText());
            assertEquals(1, a.bot.asked.size() + b.bot.asked.size(), "one answer across both nodes");

            List<CompletableFuture<Delivery>> sends = new ArrayList<>();
            KefuSender sa = new KefuSender(a.channel.api(), new InMemoryUndeliveredLog(10), 2, Duration.ofMillis(50), java.time.Clock.systemUTC());
            KefuSender sb = new KefuSender(b.channel.api(), new InMemoryUndeliveredLog(10), 2, Duration.ofMillis(50), java.time.Clock.systemUTC());
            for (int i = 0; i < 10; i++) {
                sends.add(sa.send("o-two-nodes", "A" + i));
                sends.add(sb.send("o-two-nodes", "B" + i));
            }
            for (CompletableFuture<Delivery> f : sends) assertTrue(f.get(10, TimeUnit.SECONDS).delivered());
            assertEquals(1, a.wechat.tokensIssued(), "one token for both nodes, fetched once");
            assertEquals(a.channel.api().accessToken(), b.channel.api().accessToken());

            a.wechat.failNextSends(40001); // the token is revoked: one node refreshes, the other picks the new one up
            assertTrue(sa.send("o-two-nodes", "after revoke A").get(10, TimeUnit.SECONDS).delivered());
            assertTrue(sb.send("o-two-nodes", "after revoke B").get(10, TimeUnit.SECONDS).delivered());
            assertEquals(2, a.wechat.tokensIssued(), "refreshed once, not once per node");
            assertTrue(a.wechat.sent().contains(new Sent("o-two-nodes", "after revoke B")));
        }
    }

    @Test
    void aSlowAnswerOnOneNodeIsNotAnsweredAgainByTheOther() throws Exception {
        try (Rig a = new Rig(b -> b.redisUrl(REDIS).redisPrefix(prefix).replyBudget(Duration.ofMillis(300)));
             Rig b = new Rig(x -> x.redisUrl(REDIS).redisPrefix(prefix).replyBudget(Duration.ofMillis(300)), a.wechat)) {
            a.bot.delayMillis = 1000;
            b.bot.delayMillis = 1000;
            String xml = a.wechat.textXml("o-slow-two", "查询公积金");
            CompletableFuture<Attempt> first = CompletableFuture.supplyAsync(() -> a.wechat.postRaw(a.wechat.signedQuery(), xml));
            Thread.sleep(100);
            WechatSimulator w = a.wechat;
            w.callbackUrl(b.http.url());
            Attempt retry = w.postRaw(w.signedQuery(), xml);
            assertEquals("success", first.get(30, TimeUnit.SECONDS).body());
            assertEquals("success", retry.body());
            Await.until(() -> !w.sent().isEmpty(), "the slow answer is pushed");
            Thread.sleep(1200);
            assertEquals(List.of(new Sent("o-slow-two", "答：查询公积金")), w.sent());
            assertEquals(1, a.bot.asked.size() + b.bot.asked.size());
        }
    }

    @Test
    void aCitizensUsedUpQuotaOnOneNodeHoldsTheOtherUntilTheyWrite() throws Exception {
        try (Rig a = new Rig(b -> b.redisUrl(REDIS).redisPrefix(prefix));
             Rig b = new Rig(x -> x.redisUrl(REDIS).redisPrefix(prefix), a.wechat)) {
            assertTrue(a.channel.push("o-quota", "预热").get(10, TimeUnit.SECONDS).delivered());
            a.wechat.failNextSends(45047);
            assertEquals(45047, a.channel.push("o-quota", "第21条").get(10, TimeUnit.SECONDS).errorCode());
            int calls = a.wechat.sendCalls();
            Delivery held = b.channel.push("o-quota", "第22条").get(10, TimeUnit.SECONDS);
            assertEquals(false, held.delivered());
            assertEquals(calls, a.wechat.sendCalls(), "the other node did not knock on WeChat again");

            a.wechat.callbackUrl(b.http.url()); // the citizen writes; their message reaches node B
            assertEquals("答：我又来了", a.wechat.deliver(a.wechat.textXml("o-quota", "我又来了"), WechatSimulator.Mode.SAFE).get(0).replyText());
            assertTrue(a.channel.push("o-quota", "第23条").get(10, TimeUnit.SECONDS).delivered(), "node A may push again");
        }
    }
}
