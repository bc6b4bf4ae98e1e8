package org.openhotline.kb.workflow;

import java.time.Instant;

/** One line of the editors' audit: who did what to which subject, when, with the entry before and after as JSON. */
public record AuditEvent(long id, Instant at, String actor, String role, String action, String subject, String detail,
                         String beforeJson, String afterJson) {}
