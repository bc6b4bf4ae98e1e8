package org.openhotline.kb.workflow;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/** Every action of the editors' workflow, in {@code kb_audit}; written, never updated. */
public final class JdbcAuditLog {
    private final Sql sql;
    private final Clock clock;

    public JdbcAuditLog(DataSource ds, Clock clock) {
        this.sql = new Sql(ds);
        this.clock = clock;
    }

    public void record(Actor actor, String action, String subject, String detail, String beforeJson, String afterJson) {
        sql.insert("INSERT INTO kb_audit (occurred_at, actor, actor_role, action, subject, detail, before_json, after_json) VALUES (?,?,?,?,?,?,?,?)",
                Sql.now(clock), actor.name(), actor.role().wireName(), action, Sql.cut(subject, 200), Sql.cut(detail, 2000), beforeJson, afterJson);
    }

    /** Newest first; {@code subject} null: every subject. */
    public List<AuditEvent> recent(String subject, int limit) {
        String where = subject == null ? "" : " WHERE subject = ?";
        Object[] params = subject == null ? new Object[0] : new Object[] {subject};
        List<AuditEvent> all = sql.query("SELECT audit_id, occurred_at, actor, actor_role, action, subject, detail, before_json, after_json FROM kb_audit"
                + where + " ORDER BY audit_id DESC", rs -> new AuditEvent(rs.getLong(1), Sql.instant(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), params);
        return all.size() <= limit ? all : all.subList(0, limit);
    }
}
