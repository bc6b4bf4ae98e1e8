package org.openhotline.eval.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The accuracy figures of one run; definitions are the eval contract in README.md. */
public record Metrics(int n, double hit1, double recall3, double mrr, double answerRate, double answerPrecision,
                      double oosReject, double transferDetect, double p50Ms, double p99Ms) {

    public static Metrics of(List<Outcome> outcomes) {
        int faq = 0, hit1 = 0, rec3 = 0, faqAnswered = 0, answered = 0, answeredRight = 0, oos = 0, oosRejected = 0, tr = 0, trDetected = 0;
        double mrr = 0;
        for (Outcome o : outcomes) {
            EvalQuery q = o.query();
            if (o.answered()) {
                answered++;
                if (q.expectedIds().contains(o.answeredId())) answeredRight++;
            }
            switch (q.kind()) {
                case FAQ -> {
                    faq++;
                    int rank = o.rankOfExpected();
                    if (rank == 1) hit1++;
                    if (rank >= 1 && rank <= 3) rec3++;
                    if (rank >= 1 && rank <= 10) mrr += 1.0 / rank;
                    if (o.answered()) faqAnswered++;
                }
                case OUT_OF_SCOPE -> {
                    oos++;
                    if (!o.answered()) oosRejected++;
                }
                case TRANSFER -> {
                    tr++;
                    if ("transfer".equals(o.type())) trDetected++;
                }
            }
        }
        double[] ms = outcomes.stream().mapToDouble(Outcome::millis).sorted().toArray();
        return new Metrics(outcomes.size(), Stats.ratio(hit1, faq), Stats.ratio(rec3, faq), faq == 0 ? 0 : mrr / faq, Stats.ratio(faqAnswered, faq),
                Stats.ratio(answeredRight, answered), Stats.ratio(oosRejected, oos), Stats.ratio(trDetected, tr), Stats.percentile(ms, 50), Stats.percentile(ms, 99));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("hit1", round(hit1));
        m.put("recall3", round(recall3));
        m.put("mrr", round(mrr));
        m.put("answer_rate", round(answerRate));
        m.put("answer_precision", round(answerPrecision));
        m.put("oos_reject", round(oosReject));
        m.put("transfer_detect", round(transferDetect));
        m.put("p50_ms", round(p50Ms));
        m.put("p99_ms", round(p99Ms));
        return m;
    }

    private static Object round(double d) {
        return Stats.round(d, 4);
    }
}
