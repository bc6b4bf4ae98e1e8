package org.openhotline.bot.handoff;

/**
 * Where a citizen's rating of a chat with a person goes (the desk). The bot calls it in rating mode, after the
 * desk's rating invitation: a reply "1".."5" (or 非常满意 … 非常不满意) is a rating, the next free text its comment.
 * Levels: 5 = 非常满意, 4 = 满意, 3 = 一般, 2 = 不满意, 1 = 非常不满意.
 */
public interface SatisfactionSink {
    /** Records (or replaces) the citizen's rating of the chat. Returns false when the chat is unknown or not rateable. */
    boolean rate(String sessionId, String chatId, int level, java.util.List<String> tags, String comment);

    /** Adds a comment to the rating given before; false when there is none. */
    boolean comment(String sessionId, String chatId, String comment);

    SatisfactionSink NONE = new SatisfactionSink() {
        @Override
        public boolean rate(String sessionId, String chatId, int level, java.util.List<String> tags, String comment) {
            return false;
        }

        @Override
        public boolean comment(String sessionId, String chatId, String comment) {
            return false;
        }
    };
}
