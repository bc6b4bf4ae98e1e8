package org.openhotline.server.app;

import javax.sql.DataSource;
import org.openhotline.bot.feedback.FeedbackStore;
import org.openhotline.bot.feedback.JdbcFeedbackStore;
import org.openhotline.bot.handoff.Handoff;
import org.openhotline.bot.handoff.InMemoryHandoff;
import org.openhotline.bot.handoff.JdbcHandoffQueue;
import org.openhotline.bot.log.InMemoryMessageLog;
import org.openhotline.bot.log.JdbcMessageLog;
import org.openhotline.bot.log.MessageLog;
import org.openhotline.bot.session.InMemorySessionStore;
import org.openhotline.bot.session.JdbcSessionStore;
import org.openhotline.bot.session.JdbcTurnWriter;
import org.openhotline.bot.session.SessionStore;
import org.openhotline.bot.session.TurnWriter;
import org.openhotline.bot.transfer.HumanHours;

/**
 * Where a conversation keeps its state: the database in the server (restarts and other nodes continue),
 * memory for the eval and the bench. Service hours ride along because they are per deployment too; so does where
 * ratings of a chat with a person go (the desk, in the server).
 */
public record ConversationStores(SessionStore sessions, MessageLog messages, Handoff handoff, FeedbackStore feedback, HumanHours hours,
                                 TurnWriter turnWriter, org.openhotline.bot.handoff.SatisfactionSink satisfaction) {

    public ConversationStores(SessionStore sessions, MessageLog messages, Handoff handoff, FeedbackStore feedback, HumanHours hours,
                              TurnWriter turnWriter) {
        this(sessions, messages, handoff, feedback, hours, turnWriter, org.openhotline.bot.handoff.SatisfactionSink.NONE);
    }

    /** These stores with people behind the handoff: {@code desk} queues transfers and takes the citizens' ratings. */
    public <D extends Handoff & org.openhotline.bot.handoff.SatisfactionSink> ConversationStores withDesk(D desk) {
        return new ConversationStores(sessions, messages, desk, feedback, hours, turnWriter, desk);
    }

    public static ConversationStores inMemory(int maxSessions) {
        InMemorySessionStore sessions = new InMemorySessionStore(maxSessions);
        InMemoryMessageLog log = new InMemoryMessageLog(10_000);
        return new ConversationStores(sessions, log, new InMemoryHandoff(), FeedbackStore.NONE, HumanHours.ALWAYS, TurnWriter.separate(sessions, log));
    }

    /** People's hours for handoffs from the service-hours calendar: the bot's outside-hours reply is the calendar's. */
    public static HumanHours handoffHours(org.openhotline.bot.hours.ServiceHours hours) {
        return (group, channel, now) -> {
            org.openhotline.bot.hours.Availability a = hours.availability(group, org.openhotline.bot.hours.ServiceKind.HANDOFF, now);
            return a.open() ? java.util.Optional.empty() : java.util.Optional.of(a.reply());
        };
    }

    public static ConversationStores database(DataSource db, HumanHours hours) {
        JdbcSessionStore sessions = new JdbcSessionStore(db);
        JdbcMessageLog log = new JdbcMessageLog(db);
        return new ConversationStores(sessions, log, new JdbcHandoffQueue(db), new JdbcFeedbackStore(db), hours, new JdbcTurnWriter(db, sessions, log));
    }
}
