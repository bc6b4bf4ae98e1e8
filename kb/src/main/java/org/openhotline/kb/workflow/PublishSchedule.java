package org.openhotline.kb.workflow;

import java.time.Instant;

/** A publish of the approved changes set for a time; a row, so it survives restarts and any node may run it. */
public record PublishSchedule(long id, Instant dueAt, String note, String createdBy, String overrideReason, String status,
                              Integer version, String outcome) {}
