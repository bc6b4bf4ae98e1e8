package org.openhotline.kb.workflow;

import java.time.Instant;
import org.openhotline.kb.model.Entry;

/**
 * One proposed change to one entry with the entry before (as published when drafted; null for a create) and
 * after (null for a delete), and its review.
 */
public record Change(long id, ChangeKind kind, String entryId, Entry before, Entry after, String author, ChangeStatus status,
                     Instant createdAt, String reviewer, String reviewComment, Instant reviewedAt, Integer version) {}
