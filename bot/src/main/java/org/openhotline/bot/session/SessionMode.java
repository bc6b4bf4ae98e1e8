package org.openhotline.bot.session;

/** Who the citizen is talking to right now. */
public enum SessionMode {
    /** The bot answers (FAQ, flows). */
    BOT,
    /** Handed over: messages go to the desk (queued or with an agent) until the desk ends the chat. */
    HUMAN,
    /** Outside service hours: the bot is taking down a message (or a callback request) for the agents. */
    LEAVING_MESSAGE,
    /**
     * A chat with a person just ended and the citizen was invited to rate it: "1".."5" (or 非常满意 …) is the
     * rating, then one free-text comment; anything else is a normal bot turn.
     */
    RATING
}
