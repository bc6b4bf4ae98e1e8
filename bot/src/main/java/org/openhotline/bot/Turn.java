package org.openhotline.bot;

import java.util.List;
import org.openhotline.bot.message.Reply;
import org.openhotline.kb.retrieval.Candidate;

/**
 * One handled message: the reply sent and the full ranking behind it (empty when no retrieval ran,
 * e.g. a transfer request). The ranking feeds the eval now and the message log and editors' inbox later.
 */
public record Turn(Reply reply, List<Candidate> ranked) {
    public Turn {
        ranked = List.copyOf(ranked);
    }
}
