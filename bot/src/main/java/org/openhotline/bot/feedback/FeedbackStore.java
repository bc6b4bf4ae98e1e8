package org.openhotline.bot.feedback;

import java.time.Instant;

/** "Was this helpful" per answer: editors see which approved answers do not help; a "no" also offers a person. */
public interface FeedbackStore {
    FeedbackStore NONE = (sessionId, entryId, helpful, at) -> {};

    void record(String sessionId, String entryId, boolean helpful, Instant at);
}
