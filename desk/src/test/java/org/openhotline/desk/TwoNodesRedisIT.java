package org.openhotline.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.presence.Presence;
import org.openhotline.kb.store.PostgresTestSchema;

/**
 * Two desk nodes over the real PostgreSQL and the real Redis (127.0.0.1:6379, a random channel prefix): a citizen
 * handed off on node A, the agent signs in on node B, accepts and replies, and the citizen's notifier on A receives
 * the reply; and two nodes routing the same queue at once never give a chat twice or an agent more than allowed.
 */
class TwoNodesRedisIT {
    static final String REDIS = System.getProperty("hotline.redis.url", "redis://127.0.0.1:6379");

    @RegisterExtension
    final PostgresTestSchema.PerTest postgres = PostgresTestSchema.perTest("desk2");
    final String prefix = "it-desk-" + UUID.randomUUID() + ":";

    DeskRig node(Map<String, Object> extra) {
        return new DeskRig(postgres.database().dataSource(), DeskRig.settings("least-busy", extra), b -> b.redis(REDIS).redisPrefix(prefix));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // generous: Redis pub/sub on a loaded box
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void aCitizenOnNodeAGetsTheReplyOfAnAgentOnNodeB() throws Exception {
        try (DeskRig a = node(Map.of()); DeskRig b = node(Map.of())) {
            String chat = a.handoff("citizen-a", "社保");
            await("B sees the queue", () -> b.events.stream().anyMatch(e -> e instanceof DeskEvent.QueuePosition p && p.chatId().equals(chat)));

            b.agent("agent-b", 2, "社保");
            b.desk.presence("agent-b", Presence.ONLINE);
            assertEquals(ChatStatus.OFFERED, b.desk.chat(chat).status());
            b.desk.accept("agent-b", chat);
            await("A's citizen is told the agent's name", () -> !a.noticesOf("citizen-a", CitizenNotice.Type.ACCEPTED).isEmpty());
            assertEquals("客服agent-b", a.noticesOf("citizen-a", CitizenNotice.Type.ACCEPTED).get(0).agentName());

            b.desk.sendFromAgent("agent-b", chat, MessageKind.TEXT, "您好，我是社保窗口的客服");
            await("A's citizen gets the reply", () -> !a.noticesOf("citizen-a", CitizenNotice.Type.MESSAGE).isEmpty());
            CitizenNotice reply = a.noticesOf("citizen-a", CitizenNotice.Type.MESSAGE).get(0);
            assertEquals("您好，我是社保窗口的客服", reply.text());
            assertEquals(2, reply.seq(), "after the system line of the accept");

            a.desk.relay("citizen-a", "web", "我的社保卡丢了");
            await("B's console gets the citizen's message", () -> b.events.stream()
                    .anyMatch(e -> e instanceof DeskEvent.MessageAdded m && m.message().body().equals("我的社保卡丢了")));
            assertEquals(1, a.noticesOf("citizen-a", CitizenNotice.Type.MESSAGE).size(), "delivered once to the connection on A");
        }
    }

    @Test
    void twoNodesRoutingAtOnceNeverDoubleAssign() throws Exception {
        try (DeskRig a = node(Map.of("auto-accept", true)); DeskRig b = node(Map.of("auto-accept", true))) {
            for (DeskRig n : List.of(a, b)) {
                n.agent("x", 5, "社保");
                n.agent("y", 5, "社保");
            }
            List<String> chats = new ArrayList<>();
            for (int i = 0; i < 20; i++) chats.add(a.handoff("c" + i, "社保"));
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (DeskRig n : List.of(a, b)) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < 5; i++) n.desk.route();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            a.desk.presence("x", Presence.ONLINE);
            b.desk.presence("y", Presence.ONLINE);
            go.countDown();
            for (Thread t : threads) t.join();
            Map<String, Integer> perAgent = new HashMap<>();
            int queued = 0;
            for (String id : chats) {
                Chat c = a.desk.chat(id);
                if (c.status() == ChatStatus.ACTIVE) perAgent.merge(c.agentId(), 1, Integer::sum);
                else queued++;
            }
            assertEquals(Map.of("x", 5, "y", 5), perAgent);
            assertEquals(10, queued);
            assertEquals(5, a.desk.snapshot("x").agent().activeChats());
            assertEquals(5, b.desk.snapshot("y").agent().activeChats());
            for (String id : chats) {
                long accepted = a.events.stream().filter(e -> e instanceof DeskEvent.ChatAccepted ca && ca.chatId().equals(id)).count();
                assertTrue(accepted <= 1, "chat " + id + " accepted " + accepted + " times");
            }
        }
    }
}
