package org.openhotline.bot.transfer;

/**
 * The policy's verdict on a turn.
 *
 * @param offerOnly offer a person (a button and a question) rather than transfer at once: for weak signals
 *                  such as a repeated question, where the citizen may just want to rephrase
 * @param detail    what triggered it (the phrase, the count, the intent), for the log and the agent
 */
public record TransferDecision(TransferReason reason, boolean offerOnly, String detail) {
    public static TransferDecision transfer(TransferReason reason, String detail) {
        return new TransferDecision(reason, false, detail);
    }

    public static TransferDecision offer(TransferReason reason, String detail) {
        return new TransferDecision(reason, true, detail);
    }

    public String describe() {
        return reason.wireName() + (detail == null || detail.isBlank() ? "" : ": " + detail);
    }
}
