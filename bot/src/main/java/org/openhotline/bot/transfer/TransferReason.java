package org.openhotline.bot.transfer;

/** Why a conversation went to a person; the wire names appear in logs, summaries, reports and test scripts. */
public enum TransferReason {
    /** The citizen asked for a person (转人工, 人工客服, 你听不懂吗 …). */
    KEYWORD,
    /** The bot could not help several times in a row. */
    UNKNOWN_STREAK,
    /** The citizen rejected every option the bot offered and accepted the offer of a person. */
    GUIDED,
    /** An intent or category the bureau always gives to people (complaints, say). */
    INTENT,
    /** The same question again right after an answer: the answer did not help. */
    REPEATED_QUESTION,
    NEGATIVE_EMOTION,
    ABUSE,
    /** A task flow could not be completed (too many failed attempts, business system down). */
    FLOW_FAILURES,
    /** The citizen said an answer did not help. */
    LOW_SATISFACTION;

    public String wireName() {
        return name().toLowerCase();
    }

    public static TransferReason fromWire(String s) {
        return valueOf(s.toUpperCase());
    }
}
