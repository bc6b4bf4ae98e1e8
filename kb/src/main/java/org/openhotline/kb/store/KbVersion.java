package org.openhotline.kb.store;

import java.time.Instant;

/** A published knowledge-base version: what citizens were answered from between two publishes. */
public record KbVersion(int number, Instant publishedAt, String note, int entryCount) {}
