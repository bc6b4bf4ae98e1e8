package org.openhotline.eval.followup;

/**
 * One dialogue played once.
 *
 * @param rewrite what the context rewriter made of the second message, null when it left it alone
 */
public record DialogueOutcome(Dialogue dialogue, TurnOutcome first, TurnOutcome second, String rewrite) {
    /** The second message's top candidate is a right answer. */
    public boolean hit() {
        return second.top() != null && dialogue.expectedIds().contains(second.top());
    }

    public boolean answeredRight() {
        return second.answered() && dialogue.expectedIds().contains(second.answeredId());
    }

    /** Answered again with the entry just answered: the product's repeated-question rule would offer a person. */
    public boolean sameEntryAgain() {
        return first.answered() && second.answered() && first.answeredId().equals(second.answeredId());
    }
}
