package org.openhotline.bot.session;

/** Where conversations are kept between messages. */
public interface SessionStore {
    /** The session with this id, created if new or expired. */
    ConversationSession get(String sessionId);

    int size();
}
