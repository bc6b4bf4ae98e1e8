package org.openhotline.bot.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.bot.handoff.HandoffTicket;
import org.openhotline.bot.handoff.JdbcHandoffQueue;
import org.openhotline.bot.log.JdbcMessageLog;
import org.openhotline.bot.log.LoggedMessage;
import org.openhotline.bot.message.ReplyOption;

/** What the JDBC stores of a conversation must do on any database the product supports (H2, PostgreSQL). */
abstract class ConversationStoresContract {
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    abstract DataSource db();

    @Test
    void aSessionRoundTripsWithEverythingTheNextTurnNeeds() {
        JdbcSessionStore store = new JdbcSessionStore(db());
        ConversationSession s = new ConversationSession("web-1", "web", T0);
        s.offer(List.of(new ReplyOption("si-001", "社保怎么交", 0.4)));
        s.recordFallback(true);
        s.topic(new Topic("mi-015", "异地就医如何备案", "医保/异地就医", "异地就医怎么备案"));
        s.flowState("{\"flowId\":\"si-payment-records\",\"slots\":{\"id_card\":\"110101199003071234\"}}");
        s.mode(SessionMode.HUMAN);
        s.lastReply("CLARIFY");
        store.save(s);
        ConversationSession back = store.find("web-1");
        assertNotNull(back);
        assertEquals("si-001", back.offered().get(0).entryId());
        assertEquals(1, back.fallbackStreak());
        assertEquals("医保/异地就医", back.topic().category());
        assertTrue(back.flowState().contains("110101199003071234"));
        assertEquals(SessionMode.HUMAN, back.mode());
        assertEquals("CLARIFY", back.lastReply());
        assertEquals(T0, back.createdAt());
        back.recordFallback(true);
        store.save(back);
        assertEquals(2, store.find("web-1").fallbackStreak(), "a second save updates the row");
    }

    @Test
    void closedAndIdleSessions() {
        JdbcSessionStore store = new JdbcSessionStore(db());
        ConversationSession old = new ConversationSession("idle-1", "wechat", T0);
        store.save(old);
        ConversationSession fresh = new ConversationSession("idle-2", "wechat", T0.plusSeconds(3600));
        store.save(fresh);
        List<ConversationSession> idle = store.idleSince(T0.plusSeconds(60), 10);
        assertTrue(idle.stream().anyMatch(x -> x.id().equals("idle-1")));
        assertTrue(idle.stream().noneMatch(x -> x.id().equals("idle-2")));
        store.close("idle-1");
        assertNull(store.find("idle-1"), "a closed session is gone for the conversation");
        store.save(new ConversationSession("idle-1", "wechat", T0.plusSeconds(7200)));
        assertNotNull(store.find("idle-1"), "the citizen comes back: the row is reused");
    }

    @Test
    void theMessageLogKeepsTurnsInOrderAndCountsAnswers() {
        JdbcMessageLog log = new JdbcMessageLog(db());
        log.record(List.of(LoggedMessage.in("log-1", "web", T0, "社保卡丢了", "{\"intents\":[]}"),
                new LoggedMessage(0, "log-1", "web", "out", T0.plusMillis(40), "请先挂失…", "answer", "faq", "si-026", null, 0.93, null, null, 40)));
        log.record(List.of(LoggedMessage.in("log-1", "web", T0.plusSeconds(5), "谢谢", null),
                new LoggedMessage(0, "log-1", "web", "out", T0.plusSeconds(5), "不客气", "answer", "smalltalk", null, null, 0.0, "thanks", null, 3)));
        List<LoggedMessage> t = log.transcript("log-1", 10);
        assertEquals(4, t.size());
        assertEquals("社保卡丢了", t.get(0).body());
        assertEquals("si-026", t.get(1).entryId());
        assertEquals(40, t.get(1).latencyMs());
        assertEquals(0.93, t.get(1).confidence(), 1e-9);
        assertEquals(2, log.transcript("log-1", 2).size());
        assertEquals("谢谢", log.transcript("log-1", 2).get(0).body(), "the last N, oldest first");
        assertTrue(log.mostAnswered(T0.minusSeconds(1), 5).contains("si-026"));
        assertTrue(log.mostAnswered(T0.plusSeconds(1), 5).isEmpty() || !log.mostAnswered(T0.plusSeconds(1), 5).contains("si-026"));
    }

    @Test
    void handoffsAreQueuedWithTheirSummaryAndPosition() {
        JdbcHandoffQueue q = new JdbcHandoffQueue(db());
        HandoffSummary sum = new HandoffSummary("h-1", "web", "keyword", "转人工", "医保-" + System.nanoTime(), List.of("citizen: 转人工"),
                List.of("ask_human"), List.of("phone=13912345678"), null, Map.of(), "mi-015", T0);
        HandoffTicket first = q.request(HandoffKind.TRANSFER, sum, null, null);
        HandoffTicket second = q.request(HandoffKind.TRANSFER, sum, null, null);
        assertEquals(1, first.position());
        assertEquals(2, second.position());
        HandoffTicket msg = q.request(HandoffKind.MESSAGE, sum, "请回电", "13912345678");
        assertEquals(0, msg.position());
        assertTrue(q.open(HandoffKind.MESSAGE) >= 1);
    }

    @Test
    void aTurnIsWrittenWholeOrNotAtAll() {
        JdbcSessionStore sessions = new JdbcSessionStore(db());
        JdbcMessageLog log = new JdbcMessageLog(db());
        JdbcTurnWriter writer = new JdbcTurnWriter(db(), sessions, log);
        ConversationSession ok = new ConversationSession("turn-1", "web", T0);
        writer.write(ok, List.of(LoggedMessage.in("turn-1", "web", T0, "你好", null)));
        assertNotNull(sessions.find("turn-1"));
        assertEquals(1, log.transcript("turn-1", 10).size());
        ConversationSession tooLong = new ConversationSession("turn-3".repeat(50), "web", T0); // id longer than the column
        String id = tooLong.id();
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> writer.write(tooLong, List.of(LoggedMessage.in("turn-3-log", "web", T0, "这条不能单独留下", null))));
        assertTrue(log.transcript("turn-3-log", 10).isEmpty(), "the message was rolled back with the failed session write");
        assertNull(sessions.find(id));
    }
}
