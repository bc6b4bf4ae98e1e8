package org.openhotline.bot.session;

import java.util.List;
import org.openhotline.bot.log.LoggedMessage;
import org.openhotline.bot.log.MessageLog;

/**
 * Writes what a turn changed (the session and both messages) before the reply leaves. With the database it
 * is one transaction: a crash can never keep the session's new state without the messages that led to it.
 */
@FunctionalInterface
public interface TurnWriter {
    void write(ConversationSession session, List<LoggedMessage> messages);

    /** The log first, then the session, each on its own (stores without shared transactions). */
    static TurnWriter separate(SessionStore sessions, MessageLog log) {
        return (session, messages) -> {
            log.record(messages);
            sessions.save(session);
        };
    }
}
