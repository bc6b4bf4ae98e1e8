package org.openhotline.server.telephony;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openhotline.telephony.recording.RecordingInfo;
import org.openhotline.telephony.recording.RecordingSink;
import org.openhotline.telephony.sip.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code call_recording} table: the telephony module's {@link RecordingSink} (a row per finished recording) and
 * the console's search over it. A recording whose file is already indexed is not added twice.
 */
public final class JdbcRecordingIndex implements RecordingSink {
    private static final Logger log = LoggerFactory.getLogger(JdbcRecordingIndex.class);
    private static final String COLUMNS = "id, call_id, chat_id, caller, agent_id, skill_group, started_at, duration_ms, file, end_reason, callback_task_id";

    private final DataSource ds;

    public JdbcRecordingIndex(DataSource ds) {
        this.ds = ds;
    }

    /** A row: the recording and its id. */
    public record Row(long id, RecordingInfo info) {}

    /** What the console filters by; null fields do not filter. {@code agents}: only these agent ids (an agent's own calls). */
    /**
     * {@code chat}: only the recordings of that desk chat (the console's 录音 link on a call), or null; {@code task}: only
     * the calls back (回拨) of that call-back task, or null.
     */
    public record Query(Instant from, Instant to, String caller, String group, List<String> agents, String chat, String task, int limit) {
        /** Any chat. */
        public Query(Instant from, Instant to, String caller, String group, List<String> agents, int limit) {
            this(from, to, caller, group, agents, null, null, limit);
        }

        /** Any call-back task. */
        public Query(Instant from, Instant to, String caller, String group, List<String> agents, String chat, int limit) {
            this(from, to, caller, group, agents, chat, null, limit);
        }
    }

    @Override
    public void saved(RecordingInfo r) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO call_recording (call_id, chat_id, caller, agent_id, skill_group, started_at, duration_ms, file, end_reason, callback_task_id)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM call_recording WHERE file = ?)")) {
            ps.setString(1, cut(r.callId(), 200));
            ps.setString(2, cut(r.chatId(), 64));
            ps.setString(3, cut(r.caller() == null ? "" : r.caller(), 64));
            ps.setString(4, cut(r.agentId(), 200));
            ps.setString(5, cut(r.skillGroup(), 64));
            ps.setTimestamp(6, Timestamp.from(r.startedAt()));
            ps.setLong(7, r.durationMs());
            ps.setString(8, r.file());
            ps.setString(9, cut(r.endReason(), 32));
            ps.setString(10, cut(r.callbackTaskId(), 32));
            ps.setString(11, r.file());
            ps.executeUpdate();
        } catch (SQLException e) {
            log.warn("recording {} of {} not indexed: {}", r.file(), Masked.number(r.caller()), e.toString());
        }
    }

    public Optional<Row> find(long id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM call_recording WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading recording " + id + ": " + e.getMessage(), e);
        }
    }

    /** Newest first. */
    public List<Row> search(Query q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM call_recording WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.from() != null) { sql.append(" AND started_at >= ?"); args.add(Timestamp.from(q.from())); }
        if (q.to() != null) { sql.append(" AND started_at < ?"); args.add(Timestamp.from(q.to())); }
        if (q.caller() != null) { // part of the number; % and _ typed in it are characters, not wildcards
            sql.append(" AND caller LIKE ? ESCAPE '!'");
            args.add("%" + q.caller().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (q.group() != null) { sql.append(" AND skill_group = ?"); args.add(q.group()); }
        if (q.chat() != null) { sql.append(" AND chat_id = ?"); args.add(q.chat()); }
        if (q.task() != null) { sql.append(" AND callback_task_id = ?"); args.add(q.task()); }
        if (q.agents() != null) {
            sql.append(" AND agent_id IN (").append(String.join(", ", q.agents().stream().map(a -> "?").toList())).append(")");
            args.addAll(q.agents());
        }
        sql.append(" ORDER BY started_at DESC, id DESC");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) instanceof Timestamp t) ps.setTimestamp(i + 1, t);
                else ps.setString(i + 1, (String) args.get(i));
            }
            ps.setMaxRows(q.limit());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(row(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("searching recordings: " + e.getMessage(), e);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), new RecordingInfo(rs.getString("call_id"), rs.getString("chat_id"), rs.getString("caller"),
                rs.getString("agent_id"), rs.getString("skill_group"), rs.getTimestamp("started_at").toInstant(),
                rs.getLong("duration_ms"), rs.getString("file"), rs.getString("end_reason"), rs.getString("callback_task_id")));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
