package org.openhotline.bot.message;

/** What kind of turn the bot took; channels render each differently (buttons for CLARIFY, a queue for TRANSFER). */
public enum ReplyType {
    ANSWER,
    CLARIFY,
    FALLBACK,
    TRANSFER;

    public String wireName() {
        return name().toLowerCase();
    }
}
