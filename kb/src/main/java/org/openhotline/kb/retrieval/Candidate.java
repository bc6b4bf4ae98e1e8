package org.openhotline.kb.retrieval;

import org.openhotline.kb.model.Entry;

/**
 * An entry that may answer the question, with the evidence kept apart so the eval and the editors can
 * see why it ranked where it did.
 *
 * @param score    the mode's fused score in 0..1, comparable across queries (the confidence of an answer)
 * @param vector   best cosine between the query and one of the entry's questions, 0 if not retrieved so
 * @param lexical  BM25 over words, pinyin and answer text, relative to the query's best entry (0..1)
 * @param matched  the entry's question that matched best
 */
public record Candidate(Entry entry, double score, double vector, double lexical, String matched) {}
