package org.openhotline.bot.context;

import org.openhotline.bot.session.Topic;
import org.openhotline.nlu.Analysis;

/**
 * Reads a follow-up in the light of the last answer: after "医保异地就医怎么备案", "那报销比例呢" alone
 * finds nothing useful, "异地就医 报销比例" does. The FAQ turn searches both and keeps the better ranking.
 */
@FunctionalInterface
public interface ContextRewriter {
    /** Never rewrites; the baseline of the follow-up measurement. */
    ContextRewriter NONE = (message, previous) -> null;

    /** A query standing on its own, or null when the message needs no context (or there is none). */
    String rewrite(Analysis message, Topic previous);
}
