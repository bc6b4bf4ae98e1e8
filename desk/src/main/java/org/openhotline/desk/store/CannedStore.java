package org.openhotline.desk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openhotline.desk.canned.CannedReply;

/** Canned replies in table {@code canned_reply}: an agent's own (owner_id) and shared ones (owner_id null). */
public final class CannedStore {
    private static final String COLUMNS = "reply_id, owner_id, title, body, group_code, updated_at";
    private final Jdbc jdbc;

    public CannedStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The agent's and the shared replies whose title or text contains {@code query} (case-insensitive), shared last. */
    public List<CannedReply> search(String agentId, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("search canned replies", "SELECT " + COLUMNS + " FROM canned_reply WHERE (owner_id = ? OR owner_id IS NULL) "
                + "AND (LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(body) LIKE ? ESCAPE '\\') ORDER BY CASE WHEN owner_id IS NULL THEN 1 ELSE 0 END, title",
                CannedStore::row, agentId, like, like);
    }

    public Optional<CannedReply> find(long id) {
        return jdbc.query("read a canned reply", "SELECT " + COLUMNS + " FROM canned_reply WHERE reply_id = ?", CannedStore::row, id).stream().findFirst();
    }

    /** New when {@code id} is 0; returns the stored reply. */
    public CannedReply save(long id, String ownerId, String title, String text, String group, Instant now) {
        long saved = jdbc.tx("save a canned reply", c -> {
            if (id > 0 && Jdbc.update(c, "UPDATE canned_reply SET owner_id = ?, title = ?, body = ?, group_code = ?, updated_at = ? WHERE reply_id = ?",
                    ownerId, title, text, group, now, id) == 1) return id;
            return Jdbc.insert(c, "INSERT INTO canned_reply (owner_id, title, body, group_code, updated_at) VALUES (?, ?, ?, ?, ?)", ownerId, title, text, group, now);
        });
        return find(saved).orElseThrow();
    }

    public boolean delete(long id) {
        return jdbc.update("delete a canned reply", "DELETE FROM canned_reply WHERE reply_id = ?", id) == 1;
    }

    private static CannedReply row(ResultSet rs) throws SQLException {
        return new CannedReply(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), Jdbc.instant(rs, "updated_at"));
    }
}
