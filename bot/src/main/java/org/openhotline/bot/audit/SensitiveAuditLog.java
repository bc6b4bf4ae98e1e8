package org.openhotline.bot.audit;

import org.openhotline.nlu.sensitive.SensitiveResult;

/**
 * Where the conversation reports every sensitive-word check that found something, so reviewers can see
 * what was flagged, masked or refused. Implementations keep the lexicon words and actions, never the message.
 */
public interface SensitiveAuditLog {
    /** Keeps nothing; the default when no store is wired. */
    SensitiveAuditLog NONE = (sessionId, result) -> {};

    /** Called for a check with at least one hit; must not throw. */
    void record(String sessionId, SensitiveResult result);
}
