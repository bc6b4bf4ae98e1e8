package org.openhotline.bot.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads what the bot failed at from {@code message_log} and {@code answer_feedback}: fallbacks, clarifies,
 * answers below a confidence, a request for a person right after an answer, and answers marked unhelpful.
 * Each is traced back to the citizen's question (the inbound message before the reply); one question counts once.
 */
public final class UnansweredCollector {
    /** An upper bound every database takes as a timestamp ("until now" without asking the clock). */
    private static final Instant FAR = Instant.parse("9999-12-31T00:00:00Z");
    private final DataSource ds;
    private final double lowConfidence;
    private final int maxMessages;

    /** {@code lowConfidence}: answers below it count; {@code maxMessages}: most recent messages read at most. */
    public UnansweredCollector(DataSource ds, double lowConfidence, int maxMessages) {
        this.ds = ds;
        this.lowConfidence = lowConfidence;
        this.maxMessages = maxMessages;
    }

    private record Answer(String entryId, Instant at, Row question) {}

    /** One {@code message_log} row as the inbox and the reports read it ({@code type}, {@code act}, {@code entryId}: outbound only). */
    public record Row(long id, String session, String direction, Instant at, String body, String type, String act, String entryId, Double confidence) {}

    public List<UnansweredQuestion> since(Instant from) {
        return between(from, Instant.MAX);
    }

    /** The failures logged from {@code from} (inclusive) to {@code to} (exclusive): a report's period. */
    public List<UnansweredQuestion> between(Instant from, Instant to) {
        Instant until = to.isAfter(FAR) ? FAR : to;
        List<Row> rows = messages(ds, from, until, maxMessages);
        Map<Long, UnansweredQuestion> out = new LinkedHashMap<>();
        Map<String, List<Answer>> answers = new HashMap<>();
        String session = null;
        Row lastIn = null;
        Answer lastOutAnswer = null;
        for (Row r : rows) {
            if (!r.session().equals(session)) {
                session = r.session();
                lastIn = null;
                lastOutAnswer = null;
            }
            if (r.direction().equals("in")) {
                lastIn = r;
                continue;
            }
            String act = r.act() == null ? "" : r.act();
            String type = r.type() == null ? "" : r.type();
            if ((act.equals("offer_human") || act.equals("transfer")) && lastOutAnswer != null) {
                add(out, lastOutAnswer.question(), "transfer_after_answer", lastOutAnswer.entryId());
            }
            Answer answered = null;
            if (lastIn != null) {
                switch (type) {
                    case "fallback" -> { if (act.equals("fallback")) add(out, lastIn, "fallback", null); }
                    case "clarify" -> { if (act.equals("clarify")) add(out, lastIn, "clarify", null); }
                    case "answer" -> {
                        if (r.entryId() != null && (act.equals("faq") || act.equals("chosen"))) {
                            answered = new Answer(r.entryId(), r.at(), lastIn);
                            answers.computeIfAbsent(session, k -> new ArrayList<>()).add(answered);
                            if (act.equals("faq") && r.confidence() != null && r.confidence() < lowConfidence) add(out, lastIn, "low_confidence", r.entryId());
                        }
                    }
                    default -> { }
                }
            }
            lastOutAnswer = answered;
        }
        for (Object[] f : unhelpful(from, until)) {
            List<Answer> list = answers.getOrDefault((String) f[0], List.of());
            Answer hit = null;
            for (Answer a : list) if (a.entryId().equals(f[1]) && !a.at().isAfter((Instant) f[2])) hit = a;
            if (hit != null) add(out, hit.question(), "unhelpful", hit.entryId());
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<Long, UnansweredQuestion> out, Row in, String reason, String entryId) {
        String text = in.body() == null ? "" : in.body().strip();
        // a number picked from choices, or a word of assent, is no question an editor can use
        if (text.codePointCount(0, text.length()) < 3 || text.chars().allMatch(Character::isDigit)) return;
        out.putIfAbsent(in.id(), new UnansweredQuestion(in.id(), text, reason, in.session(), in.at(), entryId));
    }

    /**
     * The most recent {@code maxMessages} log rows from {@code from} (inclusive) to {@code to} (exclusive), each session's
     * in order: the cap keeps the latest, and a session is walked question → reply.
     */
    public static List<Row> messages(DataSource ds, Instant from, Instant to, int maxMessages) {
        String sql = "SELECT message_id, session_id, direction, occurred_at, body, reply_type, act, entry_id, confidence FROM message_log "
                + "WHERE occurred_at >= ? AND occurred_at < ? ORDER BY message_id DESC";
        List<Row> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setMaxRows(maxMessages);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double conf = rs.getDouble(9);
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.wasNull() ? null : conf));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the message log failed: " + e.getMessage(), e);
        }
        // newest were read (the cap keeps the latest); walk each session in order
        rows.sort(java.util.Comparator.comparing(Row::session).thenComparingLong(Row::id));
        return rows;
    }

    /** {session, entryId, at} of each unhelpful mark since {@code from}. */
    private List<Object[]> unhelpful(Instant from, Instant to) {
        List<Object[]> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT session_id, entry_id, occurred_at FROM answer_feedback WHERE helpful = FALSE AND occurred_at >= ? AND occurred_at < ? ORDER BY feedback_id")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Object[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading answer feedback failed: " + e.getMessage(), e);
        }
        return out;
    }
}
