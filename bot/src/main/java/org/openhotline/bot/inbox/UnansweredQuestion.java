package org.openhotline.bot.inbox;

import java.time.Instant;

/**
 * A citizen's question the bot did not answer well, as logged: {@code reason} is fallback, clarify,
 * low_confidence, transfer_after_answer or unhelpful; {@code entryId} the entry that answered it, if any.
 */
public record UnansweredQuestion(long messageId, String text, String reason, String sessionId, Instant at, String entryId) {}
