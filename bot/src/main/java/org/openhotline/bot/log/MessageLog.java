package org.openhotline.bot.log;

import java.time.Instant;
import java.util.List;

/**
 * Every message in and out, written before the channel acknowledges it: the record behind reports, the
 * editors' inbox of unanswered questions and the agent's view of what the bot already said.
 */
public interface MessageLog {
    /** Writes a turn's messages together (one transaction where the store has them). */
    void record(List<LoggedMessage> messages);

    /** The last {@code limit} messages of a session, oldest first. */
    List<LoggedMessage> transcript(String sessionId, int limit);

    /** Entry ids answered most often since {@code since}, most first: this week's hot questions. */
    List<String> mostAnswered(Instant since, int limit);
}
