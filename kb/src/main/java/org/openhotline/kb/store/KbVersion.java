package org.openhotline.kb.store;

import java.time.Instant;

/**
 * A published knowledge-base version: what citizens were answered from between two publishes.
 * {@code dictionarySnapshot} names the NLU dictionaries it is indexed and searched with; null for a
 * version published before the dictionaries were stored (the shipped files apply).
 */
public record KbVersion(int number, Instant publishedAt, String note, int entryCount, String dictionarySnapshot) {
    public KbVersion(int number, Instant publishedAt, String note, int entryCount) {
        this(number, publishedAt, note, entryCount, null);
    }
}
