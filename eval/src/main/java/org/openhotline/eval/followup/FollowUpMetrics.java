package org.openhotline.eval.followup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.eval.quality.Stats;

/**
 * The figures of one group of dialogues played without and with context.
 *
 * @param hit1        the second message's top candidate (whatever the tier) is a right answer
 * @param answerRate  the second message was answered from the knowledge base
 * @param answeredRight answered, and with a right entry
 * @param firstAnswered the first message was answered (only then is there a topic to lean on)
 * @param rewritten   the rewriter offered a reading of the second message
 */
public record FollowUpMetrics(int n, double firstAnswered, double hit1Without, double hit1With, double answerRateWithout,
                              double answerRateWith, double answeredRightWithout, double answeredRightWith, double rewritten) {

    /** {@code without} and {@code with} hold the same dialogues in the same order. */
    public static FollowUpMetrics of(List<DialogueOutcome> without, List<DialogueOutcome> with) {
        int n = with.size();
        return new FollowUpMetrics(n, Stats.ratio(with.stream().filter(o -> o.first().answered()).count(), n),
                Stats.ratio(without.stream().filter(DialogueOutcome::hit).count(), n), Stats.ratio(with.stream().filter(DialogueOutcome::hit).count(), n),
                Stats.ratio(without.stream().filter(o -> o.second().answered()).count(), n), Stats.ratio(with.stream().filter(o -> o.second().answered()).count(), n),
                Stats.ratio(without.stream().filter(DialogueOutcome::answeredRight).count(), n),
                Stats.ratio(with.stream().filter(DialogueOutcome::answeredRight).count(), n),
                Stats.ratio(with.stream().filter(o -> o.rewrite() != null).count(), n));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("hit1_without", round(hit1Without));
        m.put("hit1_with", round(hit1With));
        m.put("answer_rate_without", round(answerRateWithout));
        m.put("answer_rate_with", round(answerRateWith));
        m.put("answered_right_without", round(answeredRightWithout));
        m.put("answered_right_with", round(answeredRightWith));
        m.put("first_answered", round(firstAnswered));
        m.put("rewritten", round(rewritten));
        return m;
    }

    private static Object round(double d) {
        return Stats.round(d, 3);
    }
}
