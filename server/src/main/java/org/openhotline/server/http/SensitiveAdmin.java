package org.openhotline.server.http;

import org.openhotline.kb.lexicon.JdbcSensitiveWordStore;
import org.openhotline.server.audit.JdbcSensitiveAuditLog;

/** What the sensitive-word admin API works on: the stored words, the audit, and how to apply an edit to this node at once. */
public record SensitiveAdmin(JdbcSensitiveWordStore words, JdbcSensitiveAuditLog audit, Runnable reloadLocal) {}
