package org.openhotline.bot.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openhotline.bot.BotJson;

/**
 * Sessions as JSON rows (H2 by default, PostgreSQL when scaled out), so a restart or a second node
 * continues the conversation mid-flow. A save that finds a newer version written by another node logs it
 * and writes anyway: the citizen's latest message wins, which is what they see on screen.
 */
public final class JdbcSessionStore implements SessionStore {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcSessionStore.class);
    private final DataSource db;
    private final ObjectMapper json = BotJson.mapper();

    public JdbcSessionStore(DataSource db) {
        this.db = db;
    }

    @Override
    public ConversationSession find(String sessionId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, version FROM conversation_session WHERE session_id = ? AND closed_at IS NULL")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return read(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new SessionStoreException("could not read session", e);
        }
    }

    private ConversationSession read(String state, long version) {
        try {
            ConversationSession s = json.readValue(state, ConversationSession.class);
            s.version(version);
            return s;
        } catch (java.io.IOException e) {
            // a row written by an incompatible version must not lock the citizen out: start afresh
            log.warn("a stored session could not be read and was restarted: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    @Override
    public void save(ConversationSession s) {
        try (Connection c = db.getConnection()) {
            save(c, s);
        } catch (SQLException e) {
            throw new SessionStoreException("could not save session", e);
        }
    }

    /** Writes the session on the caller's connection, so it can commit together with the turn's messages. */
    public void save(Connection c, ConversationSession s) throws SQLException {
        String state;
        try {
            state = json.writeValueAsString(s);
        } catch (java.io.IOException e) {
            throw new SessionStoreException("could not write session", e);
        }
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE conversation_session SET state = ?, last_seen = ?, closed_at = NULL, version = version + 1, channel = ? WHERE session_id = ?")) {
            up.setString(1, state);
            up.setTimestamp(2, Timestamp.from(s.lastSeen()));
            up.setString(3, s.channel());
            up.setString(4, s.id());
            if (up.executeUpdate() == 1) {
                s.version(s.version() + 1);
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO conversation_session (session_id, channel, state, created_at, last_seen, version) VALUES (?, ?, ?, ?, ?, 1)")) {
            ins.setString(1, s.id());
            ins.setString(2, s.channel());
            ins.setString(3, state);
            ins.setTimestamp(4, Timestamp.from(s.createdAt()));
            ins.setTimestamp(5, Timestamp.from(s.lastSeen()));
            ins.executeUpdate();
            s.version(1);
        }
    }

    @Override
    public void close(String sessionId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE conversation_session SET closed_at = ? WHERE session_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, sessionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new SessionStoreException("could not close session", e);
        }
    }

    @Override
    public List<ConversationSession> idleSince(Instant cutoff, int max) {
        List<ConversationSession> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT state, version FROM conversation_session WHERE closed_at IS NULL AND last_seen < ? ORDER BY last_seen")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ConversationSession s = read(rs.getString(1), rs.getLong(2));
                    if (s != null) out.add(s);
                }
            }
        } catch (SQLException e) {
            throw new SessionStoreException("could not list idle sessions", e);
        }
        return out;
    }

    @Override
    public int size() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM conversation_session WHERE closed_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new SessionStoreException("could not count sessions", e);
        }
    }
}
