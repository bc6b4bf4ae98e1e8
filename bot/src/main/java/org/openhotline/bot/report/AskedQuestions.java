package org.openhotline.bot.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.openhotline.bot.inbox.UnansweredCollector;
import org.openhotline.bot.inbox.UnansweredCollector.Row;
import org.openhotline.bot.inbox.UnansweredQuestion;

/**
 * Every citizen question of a period that the knowledge base replied to, read from {@code message_log}: each inbound
 * message paired with the reply that followed it in its session. A reply's act says what happened ({@code faq} or
 * {@code chosen} = answered, {@code clarify}, {@code fallback}); small talk, task flows and transfers are not questions
 * for the knowledge base and are left out.
 */
final class AskedQuestions {
    private static final Set<String> ACTS = Set.of("faq", "chosen", "clarify", "fallback");

    /** One question and what the bot did with it; {@code entryId} the entry that answered, if any. */
    record Asked(long messageId, String session, Instant at, String text, String act, String entryId) {
        boolean answered() {
            return act.equals("faq") || act.equals("chosen");
        }

        /** A question an editor can read: not a number picked from choices or a one-character assent. */
        boolean readable() {
            String t = text.strip();
            return t.codePointCount(0, t.length()) >= 3 && !t.chars().allMatch(Character::isDigit);
        }

        /** As the clusterer takes it: the act is the "reason" it counts per cluster. */
        UnansweredQuestion forClustering() {
            return new UnansweredQuestion(messageId, text.strip(), answered() ? "answered" : act, session, at, entryId);
        }
    }

    private final DataSource ds;
    private final int maxMessages;

    AskedQuestions(DataSource ds, int maxMessages) {
        this.ds = ds;
        this.maxMessages = maxMessages;
    }

    /** Oldest first; at most the most recent {@code maxMessages} log rows are read. */
    List<Asked> between(Instant from, Instant to) {
        List<Row> rows = UnansweredCollector.messages(ds, from, to, maxMessages);
        List<Asked> out = new ArrayList<>();
        Row lastIn = null;
        for (Row r : rows) {
            if (lastIn != null && !lastIn.session().equals(r.session())) lastIn = null;
            if ("in".equals(r.direction())) {
                lastIn = r;
            } else if (lastIn != null) {
                if (r.act() != null && ACTS.contains(r.act())) {
                    out.add(new Asked(lastIn.id(), lastIn.session(), lastIn.at(), lastIn.body() == null ? "" : lastIn.body(), r.act(), r.entryId()));
                }
                lastIn = null; // one reply per question: a second outbound (a pushed closing) answers nothing
            }
        }
        out.sort(Comparator.comparing(Asked::at).thenComparingLong(Asked::messageId));
        return out;
    }
}
