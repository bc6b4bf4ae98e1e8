package org.openhotline.bot.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.store.Database;

class UnansweredCollectorTest {
    final Database db = Database.open("jdbc:h2:mem:i" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 2);
    final Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
    int second;

    @AfterEach
    void close() {
        db.close();
    }

    void in(String session, String body) throws Exception {
        row(session, "in", body, null, null, null, null);
    }

    void out(String session, String type, String act, String entry, Double confidence) throws Exception {
        row(session, "out", "reply", type, act, entry, confidence);
    }

    void row(String session, String dir, String body, String type, String act, String entry, Double confidence) throws Exception {
        MessageLogFixture.row(db.dataSource(), t0.plusSeconds(second++), session, dir, body, type, act, entry, confidence);
    }

    @Test
    void tracesEachFailureBackToTheQuestionOnce() throws Exception {
        in("a", "今天股价怎么样啊");
        out("a", "fallback", "fallback", null, 0.01);
        in("a", "社保卡怎么办理呢");
        out("a", "clarify", "clarify", null, 0.3);
        in("a", "2");
        out("a", "answer", "chosen", "si-002", 0.3);
        in("b", "公积金能提取几次");
        out("b", "answer", "faq", "hf-001", 0.95);
        in("b", "转人工");
        out("b", "answer", "offer_human", null, null);
        in("c", "医保报销比例多少");
        out("c", "answer", "faq", "mi-001", 0.82);
        in("d", "养老金什么时候发");
        out("d", "answer", "faq", "si-009", 0.97);
        in("e", "一切都好谢谢啦");
        out("e", "answer", "faq", "x-1", 0.99);
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO answer_feedback (session_id, entry_id, helpful, occurred_at) VALUES ('d', 'si-009', FALSE, ?)")) {
            ps.setTimestamp(1, Timestamp.from(t0.plusSeconds(100)));
            ps.executeUpdate();
        }

        List<UnansweredQuestion> got = new UnansweredCollector(db.dataSource(), 0.9, 10_000).since(t0.minusSeconds(1));
        assertEquals(List.of("今天股价怎么样啊/fallback", "社保卡怎么办理呢/clarify", "公积金能提取几次/transfer_after_answer",
                        "医保报销比例多少/low_confidence", "养老金什么时候发/unhelpful"),
                got.stream().map(q -> q.text() + "/" + q.reason()).toList());
        assertEquals("hf-001", got.get(2).entryId());
        assertEquals(List.of(), new UnansweredCollector(db.dataSource(), 0.9, 10_000).since(t0.plusSeconds(1000)));
    }
}
