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
        return new Metrics(outcomes.size(), ratio(hit1, faq), ratio(rec3, faq), faq == 0 ? 0 : mrr / faq, ratio(faqAnswered, faq),
                ratio(answeredRight, answered), ratio(oosRejected, oos), ratio(trDetected, tr), percentile(ms, 50), percentile(ms, 99));
    }

    static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
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

    static Object round(double d) {
        return Double.isNaN(d) ? null : Math.round(d * 10000) / 10000.0;
    }
}
