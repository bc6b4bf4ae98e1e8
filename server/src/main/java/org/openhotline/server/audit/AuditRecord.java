package org.openhotline.server.audit;

import java.time.Instant;

/** One audited sensitive-word hit as reviewers read it: the lexicon word, never the citizen's text. */
public record AuditRecord(long id, Instant at, String direction, String sessionId, String category, String word, String action, String matchMode) {}
