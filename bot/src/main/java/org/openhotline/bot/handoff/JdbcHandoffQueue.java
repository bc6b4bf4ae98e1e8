package org.openhotline.bot.handoff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.openhotline.bot.BotJson;

/**
 * Handoff requests as rows of {@code handoff_request}, status open, for the desk to take over: the bot's
 * side of the handoff works (and is tested) before the agent console exists. Relayed messages need no
 * row of their own: they are in the message log already.
 */
public final class JdbcHandoffQueue implements Handoff {
    private final DataSource db;
    private final ObjectMapper json = BotJson.mapper();

    public JdbcHandoffQueue(DataSource db) {
        this.db = db;
    }

    @Override
    public HandoffTicket request(HandoffKind kind, HandoffSummary summary, String message, String phone) {
        ObjectNode body = json.valueToTree(summary);
        if (message != null) body.put("message", message);
        if (phone != null) body.put("phone", phone);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO handoff_request (session_id, channel, kind, reason, skill_group, summary, status, created_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, 'open', ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, summary.sessionId());
            ps.setString(2, summary.channel());
            ps.setString(3, kind.wireName());
            ps.setString(4, summary.reason());
            ps.setString(5, summary.skillGroup());
            ps.setString(6, json.writeValueAsString(body));
            ps.setTimestamp(7, Timestamp.from(summary.at()));
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            return new HandoffTicket(String.valueOf(id), kind == HandoffKind.TRANSFER ? position(c, id, summary.skillGroup()) : 0);
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not record the handoff", e);
        }
    }

    private static int position(Connection c, long id, String group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM handoff_request WHERE status = 'open' AND kind = 'transfer' AND skill_group = ? AND handoff_id <= ?")) {
            ps.setString(1, group);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public void relay(String sessionId, String channel, String text) {
        // the message log holds it; the desk reads the session's transcript
    }

    /** One stored request as the desk and the admin API read it; {@code summary} is the JSON written at handoff. */
    public record Stored(long id, String sessionId, String channel, String kind, String reason, String skillGroup, String status,
                         java.time.Instant createdAt, String summary) {}

    /** Requests, newest first, optionally of one status and kind. */
    public java.util.List<Stored> list(String status, String kind, int limit) {
        StringBuilder sql = new StringBuilder("SELECT handoff_id, session_id, channel, kind, reason, skill_group, status, created_at, summary "
                + "FROM handoff_request WHERE 1 = 1");
        java.util.List<String> args = new java.util.ArrayList<>();
        if (status != null) { sql.append(" AND status = ?"); args.add(status); }
        if (kind != null) { sql.append(" AND kind = ?"); args.add(kind); }
        sql.append(" ORDER BY handoff_id DESC");
        java.util.List<Stored> out = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list handoffs", e);
        }
        return out;
    }

    /** Open requests of a kind, for tests and the desk's first version. */
    public int open(HandoffKind kind) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM handoff_request WHERE status = 'open' AND kind = ?")) {
            ps.setString(1, kind.wireName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count handoffs", e);
        }
    }
}
