package org.openhotline.eval.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTest {
    static EvalQuery faq(String id, String expected) {
        return new EvalQuery(id, "q" + id, EvalQuery.Kind.FAQ, Set.of(expected));
    }

    @Test
    void followsTheEvalContract() {
        List<Outcome> os = List.of(
                new Outcome(faq("1", "a"), "answer", "a", List.of("a", "b"), 0.9, 0.1, 1),          // hit, answered right
                new Outcome(faq("2", "b"), "clarify", null, List.of("c", "d", "b"), 0.5, 0.4, 2),    // rank 3
                new Outcome(faq("3", "e"), "answer", "x", List.of("x", "y"), 0.9, 0.1, 3),          // answered wrong, not in top 10
                new Outcome(new EvalQuery("4", "q", EvalQuery.Kind.OUT_OF_SCOPE, Set.of()), "answer", "z", List.of("z"), 0.9, 0, 4),
                new Outcome(new EvalQuery("5", "q", EvalQuery.Kind.OUT_OF_SCOPE, Set.of()), "fallback", null, List.of("z"), 0.1, 0, 5),
                new Outcome(new EvalQuery("6", "q", EvalQuery.Kind.TRANSFER, Set.of()), "transfer", null, List.of(), 1, 0, 6));
        Metrics m = Metrics.of(os);
        assertEquals(6, m.n());
        assertEquals(1 / 3.0, m.hit1(), 1e-9);
        assertEquals(2 / 3.0, m.recall3(), 1e-9);
        assertEquals((1 + 1 / 3.0) / 3, m.mrr(), 1e-9);
        assertEquals(2 / 3.0, m.answerRate(), 1e-9);
        assertEquals(1 / 3.0, m.answerPrecision(), 1e-9); // one right out of three answered (the oos answer counts wrong)
        assertEquals(0.5, m.oosReject(), 1e-9);
        assertEquals(1.0, m.transferDetect(), 1e-9);
        assertEquals(3, m.p50Ms(), 1e-9);
        assertEquals(6, m.p99Ms(), 1e-9);
    }

    @Test
    void theCurveRecomputesTiersFromScores() {
        List<Outcome> os = List.of(
                new Outcome(faq("1", "a"), "answer", "a", List.of("a"), 0.9, 0.1, 1),
                new Outcome(faq("2", "b"), "clarify", null, List.of("c", "b"), 0.7, 0.1, 1));
        List<ThresholdCurve.Point> curve = ThresholdCurve.compute(os, 0.05, 0.6, 0.8, 0.2);
        assertEquals(1.0, curve.get(0).answerRate(), 1e-9);  // at 0.6 both are answered
        assertEquals(0.5, curve.get(0).precision(), 1e-9);
        assertEquals(0.5, curve.get(1).answerRate(), 1e-9);  // at 0.8 only the right one
        assertEquals(1.0, curve.get(1).precision(), 1e-9);
        assertEquals(0.8, ThresholdCurve.lowestWithPrecision(curve, 0.95), 1e-9);
    }
}
