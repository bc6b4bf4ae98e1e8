package org.openhotline.bot.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Writes {@code message_log} rows as the conversation does, for the tests of what reads the log (inbox, reports). */
public final class MessageLogFixture {
    private MessageLogFixture() {}

    public static void row(DataSource ds, Instant at, String session, String dir, String body, String type, String act, String entry,
                           Double confidence) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO message_log (session_id, channel, direction, occurred_at, body, reply_type, act, entry_id, confidence) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, session);
            ps.setString(2, "web");
            ps.setString(3, dir);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, body);
            ps.setString(6, type);
            ps.setString(7, act);
            ps.setString(8, entry);
            ps.setObject(9, confidence);
            ps.executeUpdate();
        }
    }
}
