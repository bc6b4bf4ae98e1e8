package org.openhotline.kb.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Scheduled publishes in {@code kb_publish_schedule}; a node claims a due one by moving it from pending, so it runs once. */
public final class JdbcPublishSchedules {
    private static final String COLUMNS = "schedule_id, due_at, note, created_by, override_reason, status, version_no, outcome";
    private final Sql sql;

    public JdbcPublishSchedules(DataSource ds) {
        this.sql = new Sql(ds);
    }

    long add(Instant dueAt, String note, String createdBy, String overrideReason, Instant now) {
        return sql.insert("INSERT INTO kb_publish_schedule (due_at, note, created_by, override_reason, status, created_at) VALUES (?,?,?,?,'pending',?)",
                dueAt, Sql.cut(note, 1000), createdBy, Sql.cut(overrideReason, 1000), now);
    }

    public Optional<PublishSchedule> find(long id) {
        return sql.query("SELECT " + COLUMNS + " FROM kb_publish_schedule WHERE schedule_id = ?", JdbcPublishSchedules::row, id).stream().findFirst();
    }

    /** Newest first. */
    public List<PublishSchedule> list() {
        return sql.query("SELECT " + COLUMNS + " FROM kb_publish_schedule ORDER BY schedule_id DESC", JdbcPublishSchedules::row);
    }

    List<PublishSchedule> due(Instant now) {
        return sql.query("SELECT " + COLUMNS + " FROM kb_publish_schedule WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, schedule_id",
                JdbcPublishSchedules::row, now);
    }

    /** True for the one caller that moved it out of pending. */
    boolean claim(long id) {
        return sql.update("UPDATE kb_publish_schedule SET status = 'running' WHERE schedule_id = ? AND status = 'pending'", id) == 1;
    }

    boolean cancel(long id) {
        return sql.update("UPDATE kb_publish_schedule SET status = 'cancelled' WHERE schedule_id = ? AND status = 'pending'", id) == 1;
    }

    void finish(long id, String status, Integer version, String outcome) {
        sql.update("UPDATE kb_publish_schedule SET status = ?, version_no = ?, outcome = ? WHERE schedule_id = ?", status, version, Sql.cut(outcome, 1000), id);
    }

    private static PublishSchedule row(ResultSet rs) throws SQLException {
        int v = rs.getInt(7);
        Integer version = rs.wasNull() ? null : v;
        return new PublishSchedule(rs.getLong(1), Sql.instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                version, rs.getString(8));
    }
}
