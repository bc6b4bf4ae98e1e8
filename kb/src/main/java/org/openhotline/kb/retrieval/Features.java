package org.openhotline.kb.retrieval;

import java.util.List;

/**
 * The evidence that a candidate entry answers a question, each in a bounded range so one learned set of
 * weights ({@link FusionModel}) fits knowledge bases of any size.
 *
 * @param cos          best cosine between the question and one of the entry's questions
 * @param cosGap       {@code cos} minus the best {@code cos} among all candidates (0 for the leader, else negative)
 * @param answerCos    cosine between the question and the opening of the entry's answer
 * @param bm25Question BM25 over the entry's questions (words and pinyin), relative to the best candidate's
 * @param bm25Answer   BM25 over the answer's words, relative to the best candidate's
 */
public record Features(double cos, double cosGap, double answerCos, double bm25Question, double bm25Answer) {
    public static final List<String> NAMES = List.of("cos", "cos-gap", "answer-cos", "bm25-question", "bm25-answer");

    public double[] toArray() {
        return new double[] {cos, cosGap, answerCos, bm25Question, bm25Answer};
    }
}
