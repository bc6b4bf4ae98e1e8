package org.openhotline.bot.message;

/**
 * What the bot did in a turn, finer than {@link ReplyType}: the wire type tells a channel how to render
 * (four values, a fixed contract), the act says why, for logs, reports and the agent's summary.
 */
public enum ReplyAct {
    FAQ,
    CHOSEN,
    CLARIFY,
    FALLBACK,
    EMPTY,
    REFUSED,
    WITHHELD,
    LOADING,
    SMALLTALK,
    WELCOME,
    FLOW,
    FLOW_DONE,
    FLOW_CANCELLED,
    OFFER_HUMAN,
    TRANSFER,
    QUEUED,
    /** A message to the agent who is in the chat: the text is empty and a channel sends nothing back (the agent answers). */
    RELAYED,
    OUTSIDE_HOURS,
    MESSAGE_TAKEN,
    FEEDBACK,
    /** A rating of a chat with a person (rating mode after the desk ended the chat), or its comment. */
    RATED,
    CLOSING;

    public String wireName() {
        return name().toLowerCase();
    }
}
