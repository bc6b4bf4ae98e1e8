package org.openhotline.desk.callback;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openhotline.desk.store.Jdbc;

/**
 * Table {@code callback_task} (Flyway V13). Moves out of a state are UPDATEs conditioned on that state (and on the
 * claiming agent), so of two agents or nodes exactly one wins; the service reads the row first only to say why not.
 */
final class CallbackStore {
    static final int MAX_TEXT = 4000;
    private static final String COLUMNS = "task_id, kind, phone, channel, skill_group, reason, detail, call_id, session_id, handoff_id, chat_id, "
            + "voice_file, voice_millis, message, status, claimed_by, claimed_at, outcome, notes, attempts, contacts, last_contact_at, due_at, "
            + "created_at, done_at";

    private final Jdbc jdbc;

    CallbackStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Jdbc jdbc() {
        return jdbc;
    }

    static long insert(Connection c, NewCallback n, String group, Instant now, Instant due) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO callback_task (kind, phone, channel, skill_group, reason, detail, call_id, session_id, handoff_id, chat_id, "
                        + "voice_file, voice_millis, message, status, attempts, contacts, last_contact_at, due_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0, 1, ?, ?, ?)",
                n.kind(), n.phone(), n.channel() == null ? "voice" : n.channel(), group, cut(n.reason(), 64), cut(n.detail(), 1000), n.callId(),
                n.sessionId(), n.handoffId(), n.chatId(), n.voiceFile(), n.voiceMillis(), cut(n.message(), MAX_TEXT), now, due, now);
    }

    /** The newest task not done for this number with a contact since {@code since}, locked for the merge. */
    static Optional<CallbackTask> openOfPhone(Connection c, String phone, Instant since) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM callback_task WHERE phone = ? AND status <> 'DONE' AND last_contact_at >= ? "
                + "ORDER BY task_id DESC LIMIT 1 FOR UPDATE", CallbackStore::task, phone, since).stream().findFirst();
    }

    /** One more contact from the same citizen joins {@code t}: the count, the newest source ids, content added never replaced. */
    static void merge(Connection c, CallbackTask t, NewCallback n, Instant now) throws SQLException {
        CallbackKind kind = !t.kind().carriesContent() && n.kind().carriesContent() ? n.kind() : t.kind();
        String message = t.message() == null ? n.message() : n.message() == null ? t.message() : t.message() + "\n" + n.message();
        Jdbc.update(c, "UPDATE callback_task SET contacts = contacts + 1, last_contact_at = ?, kind = ?, message = ?, "
                        + "voice_file = COALESCE(voice_file, ?), voice_millis = COALESCE(voice_millis, ?), call_id = COALESCE(?, call_id), "
                        + "session_id = COALESCE(?, session_id), handoff_id = COALESCE(?, handoff_id), chat_id = COALESCE(?, chat_id) WHERE task_id = ?",
                now, kind, cut(message, MAX_TEXT), n.voiceFile(), n.voiceMillis(), n.callId(), n.sessionId(), n.handoffId(), n.chatId(), t.id());
    }

    Optional<CallbackTask> find(long id) {
        return jdbc.tx("read a callback task", c -> find(c, id));
    }

    static Optional<CallbackTask> find(Connection c, long id) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM callback_task WHERE task_id = ?", CallbackStore::task, id).stream().findFirst();
    }

    /**
     * Tasks matching {@code where} (SQL over the columns, with {@code args}), overdue first then oldest, or newest done
     * first when {@code doneOrder}.
     */
    List<CallbackTask> list(String where, List<Object> args, Instant now, boolean doneOrder, int offset, int limit) {
        List<Object> all = new ArrayList<>(args);
        String order;
        if (doneOrder) {
            order = "done_at DESC, task_id DESC";
        } else {
            order = "CASE WHEN due_at < ? THEN 0 ELSE 1 END, created_at, task_id";
            all.add(now);
        }
        return jdbc.query("list callback tasks", "SELECT " + COLUMNS + " FROM callback_task WHERE " + where + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset,
                CallbackStore::task, all.toArray());
    }

    /** OPEN, or CLAIMED by this agent already, or claimed before {@code lapsedBefore}: now this agent's. */
    int claim(long id, String agentId, Instant now, Instant lapsedBefore) {
        return jdbc.update("claim a callback task", "UPDATE callback_task SET status = 'CLAIMED', claimed_by = ?, claimed_at = ? WHERE task_id = ? "
                + "AND (status = 'OPEN' OR (status = 'CLAIMED' AND (claimed_by = ? OR claimed_at < ?)))", agentId, now, id, agentId, lapsedBefore);
    }

    /** The agent's claim ends: OPEN again with what they did ({@code outcome}, notes, attempts), or DONE. */
    static int move(Connection c, CallbackTask t, String agentId, CallbackStatus to, CallbackOutcome outcome, String notes, int attempts, Instant doneAt)
            throws SQLException {
        boolean done = to == CallbackStatus.DONE;
        return Jdbc.update(c, "UPDATE callback_task SET status = ?, claimed_by = ?, claimed_at = ?, outcome = ?, notes = ?, attempts = ?, done_at = ? "
                        + "WHERE task_id = ? AND status = 'CLAIMED' AND claimed_by = ?",
                to, done ? agentId : null, done ? t.claimedAt() : null, outcome, tail(notes, MAX_TEXT), attempts, doneAt, t.id(), agentId);
    }

    /** Claims older than {@code before} go back to OPEN; returns the groups whose lists changed. */
    List<String> expire(Instant before) {
        return jdbc.tx("expire callback claims", c -> {
            List<String> groups = Jdbc.query(c, "SELECT DISTINCT skill_group FROM callback_task WHERE status = 'CLAIMED' AND claimed_at < ?",
                    rs -> rs.getString(1), before);
            if (!groups.isEmpty()) {
                Jdbc.update(c, "UPDATE callback_task SET status = 'OPEN', claimed_by = NULL, claimed_at = NULL WHERE status = 'CLAIMED' AND claimed_at < ?",
                        before);
            }
            return groups;
        });
    }

    int openCount(String group) {
        return jdbc.query("count open callback tasks", "SELECT COUNT(*) FROM callback_task WHERE status = 'OPEN' AND skill_group = ?",
                rs -> rs.getInt(1), group).getFirst();
    }

    private static CallbackTask task(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new CallbackTask(rs.getLong("task_id"), CallbackKind.valueOf(rs.getString("kind")), rs.getString("phone"), rs.getString("channel"),
                rs.getString("skill_group"), rs.getString("reason"), rs.getString("detail"), rs.getString("call_id"), rs.getString("session_id"),
                longOrNull(rs, "handoff_id"), longOrNull(rs, "chat_id"), rs.getString("voice_file"), longOrNull(rs, "voice_millis"),
                rs.getString("message"), CallbackStatus.valueOf(rs.getString("status")), rs.getString("claimed_by"), Jdbc.instant(rs, "claimed_at"),
                outcome == null ? null : CallbackOutcome.valueOf(outcome), rs.getString("notes"), rs.getInt("attempts"), rs.getInt("contacts"),
                Jdbc.instant(rs, "last_contact_at"), Jdbc.instant(rs, "due_at"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "done_at"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The end of a log-like text: its newest lines. */
    static String tail(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(s.length() - max);
    }
}
