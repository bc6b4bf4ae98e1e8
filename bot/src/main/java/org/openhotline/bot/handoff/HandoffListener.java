package org.openhotline.bot.handoff;

/**
 * How the desk tells the bot that a handoff is over, so the citizen's next message is the bot's again
 * (or a rating, or leaving a message). {@code Conversation} implements it; the server hands it to the desk
 * after building both (the desk is the conversation's {@link Handoff}, so neither can take the other in its
 * constructor).
 */
public interface HandoffListener {
    /** The chat ended; with {@code inviteRating} the session enters rating mode for {@code chatId}. */
    void handoffEnded(String sessionId, String chatId, boolean inviteRating);

    /** The citizen waited past the queue timeout: the session now takes a message or a callback request. */
    void handoffTimedOut(String sessionId, String chatId);

    HandoffListener NONE = new HandoffListener() {
        @Override
        public void handoffEnded(String sessionId, String chatId, boolean inviteRating) {
            // no bot attached
        }

        @Override
        public void handoffTimedOut(String sessionId, String chatId) {
            // no bot attached
        }
    };
}
