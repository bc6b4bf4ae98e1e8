package org.openhotline.eval.followup;

import java.util.List;
import org.openhotline.bot.Turn;
import org.openhotline.kb.retrieval.Candidate;

/**
 * What the product did with one message of a dialogue.
 *
 * @param top the first candidate whatever the tier (a picked option's entry when nothing was searched), or null
 */
public record TurnOutcome(String type, String answeredId, String top, double confidence) {
    static TurnOutcome of(Turn turn) {
        List<Candidate> ranked = turn.ranked();
        String top = ranked.isEmpty() ? turn.reply().entryId() : ranked.get(0).entry().id();
        double confidence = ranked.isEmpty() ? 0 : ranked.get(0).score();
        return new TurnOutcome(turn.reply().type().wireName(), turn.reply().entryId(), top, confidence);
    }

    /** Answered from the knowledge base (a small-talk reply has no entry and does not count). */
    public boolean answered() {
        return "answer".equals(type) && answeredId != null;
    }
}
