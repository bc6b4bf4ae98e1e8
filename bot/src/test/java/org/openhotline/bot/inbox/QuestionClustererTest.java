package org.openhotline.bot.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.embed.SentenceEmbedder;

class QuestionClustererTest {
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    /** Texts whose first character names a topic point in that topic's direction, a little apart from each other. */
    static final SentenceEmbedder TOPICS = new SentenceEmbedder() {
        @Override
        public float[] embed(String text) {
            float[] v = new float[8];
            v[text.charAt(0) % 4] = 1f;
            v[4 + text.length() % 4] = 0.3f;
            return SentenceEmbedder.normalize(v);
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public String modelId() {
            return "topics";
        }
    };

    static UnansweredQuestion q(long id, String text, String reason, Duration ago) {
        return new UnansweredQuestion(id, text, reason, "s" + id, NOW.minus(ago), reason.equals("unhelpful") ? "si-001" : null);
    }

    @Test
    void groupsByMeaningWithCountsReasonsTrendAndStableIds() {
        List<UnansweredQuestion> qs = new ArrayList<>(List.of(
                q(1, "a社保卡丢了", "fallback", Duration.ofDays(1)),
                q(2, "a社保卡丢了", "clarify", Duration.ofDays(9)),
                q(3, "a社保卡找不到了怎么办", "unhelpful", Duration.ofDays(2)),
                q(4, "b公积金贷款", "fallback", Duration.ofDays(3))));
        List<QuestionCluster> clusters = new QuestionClusterer(TOPICS, 0.8).cluster(qs, NOW);
        assertEquals(2, clusters.size());
        QuestionCluster card = clusters.get(0);
        assertEquals("a社保卡丢了", card.label(), "the most asked text leads");
        assertEquals(3, card.count());
        assertEquals(List.of("a社保卡丢了", "a社保卡找不到了怎么办"), card.texts());
        assertEquals(Map.of("fallback", 1, "clarify", 1, "unhelpful", 1), card.reasons());
        assertEquals(Map.of("si-001", 1), card.entries());
        assertEquals(NOW.minus(Duration.ofDays(9)), card.firstSeen());
        assertEquals(NOW.minus(Duration.ofDays(1)), card.lastSeen());
        assertEquals(2, card.lastWeek());
        assertEquals(1, card.weekBefore());
        assertEquals(QuestionClusterer.idOf("a社保卡丢了"), card.id());

        Collections.shuffle(qs, new Random(7));
        assertEquals(clusters, new QuestionClusterer(TOPICS, 0.8).cluster(qs, NOW), "the order questions arrive in changes nothing");
    }

    @Test
    void aHighThresholdKeepsNearQuestionsApart() {
        List<UnansweredQuestion> qs = List.of(q(1, "a1", "fallback", Duration.ZERO), q(2, "a22", "fallback", Duration.ZERO));
        assertEquals(1, new QuestionClusterer(TOPICS, 0.8).cluster(qs, NOW).size());
        assertEquals(2, new QuestionClusterer(TOPICS, 0.99).cluster(qs, NOW).size());
    }
}
