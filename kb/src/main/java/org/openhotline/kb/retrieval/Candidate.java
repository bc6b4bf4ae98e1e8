package org.openhotline.kb.retrieval;

import org.openhotline.kb.model.Entry;

/**
 * An entry that may answer the question, with its evidence kept so the eval and the editors can see why
 * it ranked where it did.
 *
 * @param score   the mode's score in 0..1; in HYBRID the estimated probability that this entry is right
 * @param matched the entry's question closest to the query
 */
public record Candidate(Entry entry, double score, Features features, String matched) {}
