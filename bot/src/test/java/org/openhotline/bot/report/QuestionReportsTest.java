package org.openhotline.bot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.inbox.MessageLogFixture;
import org.openhotline.bot.inbox.QuestionCluster;
import org.openhotline.bot.inbox.QuestionClusterer;
import org.openhotline.bot.inbox.UnansweredCollector;
import org.openhotline.kb.store.Database;
import org.openhotline.nlu.embed.SentenceEmbedder;

class QuestionReportsTest {
    /** Questions sharing their first character mean the same here: deterministic clusters without the model. */
    static final SentenceEmbedder FIRST_CHAR = new SentenceEmbedder() {
        @Override
        public float[] embed(String text) {
            float[] v = new float[16];
            v[text.charAt(0) % 16] = 1f;
            return v;
        }

        @Override
        public int dimension() {
            return 16;
        }

        @Override
        public String modelId() {
            return "first-char";
        }
    };
    static final Instant WEEK = Instant.parse("2026-03-02T00:00:00Z");
    final Database db = Database.open("jdbc:h2:mem:r" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 2);
    Instant clock = WEEK.plus(Duration.ofHours(10));

    @AfterEach
    void close() {
        db.close();
    }

    void turn(String session, String text, String type, String act, String entry, Double confidence) throws Exception {
        row(session, "in", text, null, null, null, null);
        row(session, "out", "reply", type, act, entry, confidence);
    }

    void row(String session, String dir, String body, String type, String act, String entry, Double confidence) throws Exception {
        clock = clock.plusSeconds(1);
        MessageLogFixture.row(db.dataSource(), clock, session, dir, body, type, act, entry, confidence);
    }

    void unhelpful(String session, String entry) throws Exception {
        clock = clock.plusSeconds(1);
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO answer_feedback (session_id, entry_id, helpful, occurred_at) VALUES (?,?,FALSE,?)")) {
            ps.setString(1, session);
            ps.setString(2, entry);
            ps.setTimestamp(3, Timestamp.from(clock));
            ps.executeUpdate();
        }
    }

    QuestionReport report(Instant from, Instant to) {
        UnansweredCollector failures = new UnansweredCollector(db.dataSource(), 0.9, 10_000);
        return new QuestionReports(db.dataSource(), failures, new QuestionClusterer(FIRST_CHAR, 0.9), 10_000, 1_000).report(from, to, 10);
    }

    @Test
    void countsTheHotEntriesTheirTrendAndTheHardestQuestions() throws Exception {
        clock = WEEK.minus(Duration.ofDays(3)); // the week before: one answer of hf-001
        turn("old", "公积金怎么提取", "answer", "faq", "hf-001", 0.97);
        clock = WEEK.plus(Duration.ofHours(10));
        turn("a", "社保卡怎么激活", "answer", "faq", "si-001", 0.95);
        turn("b", "社保卡怎么激活呀", "answer", "faq", "si-001", 0.96);
        unhelpful("b", "si-001");
        turn("c", "社保卡如何激活", "answer", "faq", "si-001", 0.5);
        turn("c", "社保卡在哪激活", "answer", "faq", "si-001", 0.95); // same session: counts as an answer, not a session
        turn("d", "火星上怎么交社保", "fallback", "fallback", null, 0.01);
        turn("e", "公积金提取要什么", "answer", "faq", "hf-001", 0.95);
        turn("e", "转人工", "answer", "offer_human", null, null);
        turn("g", "公积金贷款呢", "clarify", "clarify", null, 0.4);
        turn("g", "1", "answer", "chosen", "hf-002", 0.4);
        turn("f", "你好", "answer", "smalltalk", null, null); // not a question for the knowledge base

        QuestionReport r = report(WEEK, WEEK.plus(Duration.ofDays(7)));
        assertEquals(8, r.asked());
        assertEquals(6, r.answered());
        assertEquals(1, r.clarified());
        assertEquals(1, r.fallbacks());
        assertEquals(List.of(new QuestionReport.EntryCount("si-001", 4, 3, 0), new QuestionReport.EntryCount("hf-001", 1, 1, 1),
                new QuestionReport.EntryCount("hf-002", 1, 1, 0)), r.hotEntries());
        assertEquals(7, r.clustered(), "the number picked from choices is no readable question");
        QuestionCluster top = r.hotClusters().get(0);
        assertEquals(4, top.count());
        assertEquals(Map.of("answered", 4), top.reasons());
        assertEquals(Map.of("si-001", 4), top.entries());

        QuestionReport.HardEntry si = r.hardEntries().get(0);
        assertEquals("si-001", si.entryId());
        assertEquals(Map.of("unhelpful", 1, "low_confidence", 1), si.reasons());
        assertEquals(2, si.total());
        assertEquals(new QuestionReport.HardEntry("hf-001", 1, Map.of("transfer_after_answer", 1), List.of("公积金提取要什么")), r.hardEntries().get(1));
        assertEquals(2, r.hardEntries().size());
        assertTrue(r.hardClusters().stream().anyMatch(c -> c.label().equals("火星上怎么交社保")), r.hardClusters().toString());

        QuestionReport before = report(WEEK.minus(Duration.ofDays(7)), WEEK);
        assertEquals(1, before.asked());
        assertEquals(List.of(new QuestionReport.EntryCount("hf-001", 1, 1, 0)), before.hotEntries());
        assertEquals(List.of(), before.hardEntries());
    }
}
