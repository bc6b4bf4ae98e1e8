package org.openhotline.bot.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/** The message log in the relational database; a turn's messages are written in one transaction. */
public final class JdbcMessageLog implements MessageLog {
    private static final int MAX_BODY = 20_000;
    private final DataSource db;

    public JdbcMessageLog(DataSource db) {
        this.db = db;
    }

    @Override
    public void record(List<LoggedMessage> batch) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                record(c, batch);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new MessageLogException("could not log messages", e);
        }
    }

    /** Inserts on the caller's connection and transaction (the session is saved in the same one). */
    public void record(Connection c, List<LoggedMessage> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_log (session_id, channel, direction, occurred_at, body, reply_type, act, "
                + "entry_id, flow_id, confidence, reason, nlu, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LoggedMessage m : batch) {
                ps.setString(1, m.sessionId());
                ps.setString(2, m.channel());
                ps.setString(3, m.direction());
                ps.setTimestamp(4, Timestamp.from(m.at()));
                ps.setString(5, cap(m.body(), MAX_BODY));
                ps.setString(6, m.replyType());
                ps.setString(7, m.act());
                ps.setString(8, m.entryId());
                ps.setString(9, m.flowId());
                if (m.confidence() == null) ps.setNull(10, Types.DOUBLE); else ps.setDouble(10, m.confidence());
                ps.setString(11, cap(m.reason(), 500));
                ps.setString(12, m.nlu());
                if (m.latencyMs() == null) ps.setNull(13, Types.INTEGER); else ps.setInt(13, m.latencyMs());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String cap(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public List<LoggedMessage> transcript(String sessionId, int limit) {
        List<LoggedMessage> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT message_id, session_id, channel, direction, occurred_at, body, reply_type, act, entry_id, "
                     + "flow_id, confidence, reason, nlu, latency_ms FROM message_log WHERE session_id = ? ORDER BY message_id DESC")) {
            ps.setString(1, sessionId);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
        } catch (SQLException e) {
            throw new MessageLogException("could not read the transcript", e);
        }
        Collections.reverse(out);
        return out;
    }

    private static LoggedMessage row(ResultSet rs) throws SQLException {
        double conf = rs.getDouble(11);
        Double confidence = rs.wasNull() ? null : conf;
        int lat = rs.getInt(14);
        Integer latency = rs.wasNull() ? null : lat;
        return new LoggedMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), confidence, rs.getString(12),
                rs.getString(13), latency);
    }

    @Override
    public List<String> mostAnswered(Instant since, int limit) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT entry_id, COUNT(*) AS n FROM message_log WHERE direction = 'out' AND entry_id IS NOT NULL "
                     + "AND occurred_at >= ? GROUP BY entry_id ORDER BY n DESC, entry_id")) {
            ps.setTimestamp(1, Timestamp.from(since));
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new MessageLogException("could not count answers", e);
        }
        return out;
    }
}
