package org.openhotline.bot.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.openhotline.bot.log.JdbcMessageLog;
import org.openhotline.bot.log.LoggedMessage;

/** The session and the turn's messages in one transaction: one commit per turn, and never one without the other. */
public final class JdbcTurnWriter implements TurnWriter {
    private final DataSource db;
    private final JdbcSessionStore sessions;
    private final JdbcMessageLog log;

    public JdbcTurnWriter(DataSource db, JdbcSessionStore sessions, JdbcMessageLog log) {
        this.db = db;
        this.sessions = sessions;
        this.log = log;
    }

    @Override
    public void write(ConversationSession session, List<LoggedMessage> messages) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                log.record(c, messages);
                sessions.save(c, session);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SessionStoreException("could not store the turn", e);
        }
    }
}
