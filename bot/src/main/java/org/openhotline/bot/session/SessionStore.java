package org.openhotline.bot.session;

import java.time.Instant;
import java.util.List;

/** Where conversations are kept between messages: in memory for one node, in the database to survive restarts and span nodes. */
public interface SessionStore {
    /** The live session with this id, or null when there is none or it was closed. */
    ConversationSession find(String sessionId);

    /** Writes the session after a turn; the caller holds the session's lock. */
    void save(ConversationSession session);

    /** Marks the session closed (idle timeout, conversation ended): the next message starts afresh. */
    void close(String sessionId);

    /** Open sessions whose last message is older than {@code cutoff}, at most {@code max}, oldest first. */
    List<ConversationSession> idleSince(Instant cutoff, int max);

    int size();
}
