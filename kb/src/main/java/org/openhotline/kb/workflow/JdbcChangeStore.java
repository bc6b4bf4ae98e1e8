package org.openhotline.kb.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Drafts and their review in {@code kb_change} (see V8__editorial_workflow.sql). */
public final class JdbcChangeStore {
    private static final String COLUMNS = "change_id, kind, entry_id, before_json, after_json, author, status, created_at, reviewer, review_comment, reviewed_at, version_no";
    private final Sql sql;

    public JdbcChangeStore(DataSource ds) {
        this.sql = new Sql(ds);
    }

    long insert(ChangeKind kind, String entryId, String beforeJson, String afterJson, String author, Instant at) {
        return sql.insert("INSERT INTO kb_change (entry_id, kind, before_json, after_json, author, status, created_at) VALUES (?,?,?,?,?,?,?)",
                entryId, kind.wireName(), beforeJson, afterJson, author, ChangeStatus.DRAFT.wireName(), at);
    }

    public Optional<Change> find(long id) {
        return sql.query("SELECT " + COLUMNS + " FROM kb_change WHERE change_id = ?", JdbcChangeStore::change, id).stream().findFirst();
    }

    /** Oldest first; {@code status} null lists every change. */
    public List<Change> list(ChangeStatus status, int limit) {
        String where = status == null ? "" : " WHERE status = '" + status.wireName() + "'";
        List<Change> all = sql.query("SELECT " + COLUMNS + " FROM kb_change" + where + " ORDER BY change_id", JdbcChangeStore::change);
        return all.size() <= limit ? all : all.subList(all.size() - limit, all.size());
    }

    /** The draft or approved change of an entry, if one is under way. */
    public Optional<Change> openFor(String entryId) {
        return sql.query("SELECT " + COLUMNS + " FROM kb_change WHERE entry_id = ? AND status IN ('draft','approved')",
                JdbcChangeStore::change, entryId).stream().findFirst();
    }

    /**
     * The changes under way among {@code entryIds}, by entry id, in one query however many ids (an import of a
     * thousand rows asked once per row before): the open changes are few, so all are read and filtered here.
     */
    public Map<String, Change> openFor(Collection<String> entryIds) {
        Set<String> wanted = new HashSet<>(entryIds);
        Map<String, Change> out = new HashMap<>();
        if (wanted.isEmpty()) return out;
        for (Change c : sql.query("SELECT " + COLUMNS + " FROM kb_change WHERE status IN ('draft','approved') ORDER BY change_id", JdbcChangeStore::change)) {
            if (wanted.contains(c.entryId())) out.putIfAbsent(c.entryId(), c);
        }
        return out;
    }

    /** Moves a change on only from {@code from}: false when another reviewer got there first. */
    boolean review(long id, ChangeStatus from, ChangeStatus to, String reviewer, String comment, Instant at) {
        return sql.update("UPDATE kb_change SET status = ?, reviewer = ?, review_comment = ?, reviewed_at = ? WHERE change_id = ? AND status = ?",
                to.wireName(), reviewer, Sql.cut(comment, 1000), at, id, from.wireName()) == 1;
    }

    boolean withdraw(long id) {
        return sql.update("UPDATE kb_change SET status = 'withdrawn' WHERE change_id = ? AND status IN ('draft','approved')", id) == 1;
    }

    void markPublished(List<Long> ids, int version) {
        for (long id : ids) sql.update("UPDATE kb_change SET status = 'published', version_no = ? WHERE change_id = ? AND status = 'approved'", version, id);
    }

    private static Change change(ResultSet rs) throws SQLException {
        int v = rs.getInt(12);
        Integer version = rs.wasNull() ? null : v;
        return new Change(rs.getLong(1), ChangeKind.parse(rs.getString(2)), rs.getString(3), EntryJson.read(rs.getString(4)),
                EntryJson.read(rs.getString(5)), rs.getString(6), ChangeStatus.parse(rs.getString(7)), Sql.instant(rs, 8),
                rs.getString(9), rs.getString(10), Sql.instant(rs, 11), version);
    }
}
