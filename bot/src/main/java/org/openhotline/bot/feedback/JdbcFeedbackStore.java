package org.openhotline.bot.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Feedback rows in {@code answer_feedback}. */
public final class JdbcFeedbackStore implements FeedbackStore {
    private final DataSource db;

    public JdbcFeedbackStore(DataSource db) {
        this.db = db;
    }

    @Override
    public void record(String sessionId, String entryId, boolean helpful, Instant at) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO answer_feedback (session_id, entry_id, helpful, occurred_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, sessionId);
            ps.setString(2, entryId);
            ps.setBoolean(3, helpful);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store feedback", e);
        }
    }

    /** Helpful and unhelpful counts for an entry, for editors' reports. */
    public int[] counts(String entryId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT helpful, COUNT(*) FROM answer_feedback WHERE entry_id = ? GROUP BY helpful")) {
            ps.setString(1, entryId);
            int[] out = new int[2];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out[rs.getBoolean(1) ? 0 : 1] = rs.getInt(2);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read feedback", e);
        }
    }
}
