package org.openhotline.bot;

import java.util.List;
import org.openhotline.bot.message.Reply;
import org.openhotline.kb.retrieval.Candidate;

/**
 * One handled message: the reply sent and the full ranking behind it (empty when no retrieval ran,
 * e.g. a transfer request). The ranking feeds the eval, the message log and the editors' inbox.
 *
 * @param chosenQuestion for a picked option, the question picked (the topic of later follow-ups), else null
 * @param retrievalNanos time spent searching the knowledge base in this turn, so a benchmark can tell the
 *                       engine's own cost from retrieval's
 */
public record Turn(Reply reply, List<Candidate> ranked, String chosenQuestion, String chosenCategory, long retrievalNanos) {
    public Turn {
        ranked = List.copyOf(ranked);
    }

    public Turn(Reply reply, List<Candidate> ranked) {
        this(reply, ranked, null, null, 0);
    }

    public Turn(Reply reply, List<Candidate> ranked, String chosenQuestion, String chosenCategory) {
        this(reply, ranked, chosenQuestion, chosenCategory, 0);
    }

    public Turn withRetrieval(long nanos) {
        return new Turn(reply, ranked, chosenQuestion, chosenCategory, nanos);
    }
}
