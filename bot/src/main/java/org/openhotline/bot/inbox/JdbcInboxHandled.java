package org.openhotline.bot.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The questions editors already dealt with (dismissed, added to an entry, made a new entry), by text hash
 * ({@code inbox_handled}), so the inbox shows them no more; a new wording of the same question comes back.
 */
public final class JdbcInboxHandled {
    private final DataSource ds;

    public JdbcInboxHandled(DataSource ds) {
        this.ds = ds;
    }

    public Set<String> hashes() {
        Set<String> out = new HashSet<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT text_hash FROM inbox_handled");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the inbox failed: " + e.getMessage(), e);
        }
        return out;
    }

    public void mark(List<String> texts, String action, Long changeId, String actor, Instant at) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM inbox_handled WHERE text_hash = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO inbox_handled (text_hash, action, change_id, actor, handled_at) VALUES (?,?,?,?,?)")) {
                for (String t : texts) {
                    String h = QuestionClusterer.hash(t);
                    del.setString(1, h);
                    del.executeUpdate();
                    ins.setString(1, h);
                    ins.setString(2, action);
                    if (changeId == null) ins.setObject(3, null);
                    else ins.setLong(3, changeId);
                    ins.setString(4, actor);
                    ins.setTimestamp(5, Timestamp.from(at));
                    ins.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the inbox failed: " + e.getMessage(), e);
        }
    }
}
