package org.openhotline.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.openhotline.bot.audit.SensitiveAuditLog;
import org.openhotline.kb.store.StoreException;
import org.openhotline.nlu.sensitive.SensitiveHit;
import org.openhotline.nlu.sensitive.SensitiveResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one sensitive_audit row per hit (lexicon word, category, action, how it matched; no message text).
 * A database failure is logged once until the next success and never reaches the citizen's reply.
 */
public final class JdbcSensitiveAuditLog implements SensitiveAuditLog {
    private static final Logger log = LoggerFactory.getLogger(JdbcSensitiveAuditLog.class);
    private static final int MAX_SESSION_ID = 128;
    private static final int MAX_WORD = 100;

    private final DataSource ds;
    private final AtomicBoolean failing = new AtomicBoolean();

    public JdbcSensitiveAuditLog(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void record(String sessionId, SensitiveResult result) {
        if (result.clean()) return;
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sensitive_audit (occurred_at, direction, session_id, category, word, action, match_mode) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (SensitiveHit h : result.hits()) {
                ps.setTimestamp(1, now);
                ps.setString(2, lower(result.direction().name()));
                ps.setString(3, cut(sessionId == null ? "" : sessionId, MAX_SESSION_ID));
                ps.setString(4, h.category().wireName());
                ps.setString(5, cut(h.word(), MAX_WORD));
                ps.setString(6, lower(h.action().name()));
                ps.setString(7, lower(h.mode().name()));
                ps.addBatch();
            }
            ps.executeBatch();
            if (failing.compareAndSet(true, false)) log.info("sensitive-word audit is written again");
        } catch (SQLException | RuntimeException e) {
            if (failing.compareAndSet(false, true)) log.error("writing the sensitive-word audit failed; replies carry on unaudited: {}", e.toString());
        }
    }

    /** The newest {@code limit} rows, newest first. */
    public List<AuditRecord> recent(int limit) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT audit_id, occurred_at, direction, session_id, category, word, action, match_mode FROM sensitive_audit ORDER BY audit_id DESC")) {
            ps.setMaxRows(limit);
            List<AuditRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading the sensitive-word audit failed: " + e.getMessage(), e);
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
