package org.openhotline.eval.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answer rate against precision as the answer threshold moves, recomputed from the recorded scores (the
 * margin rule held fixed). The configured threshold is read off this curve, not guessed.
 */
public final class ThresholdCurve {

    public record Point(double threshold, double answerRate, double precision, double oosReject) {}

    public static List<Point> compute(List<Outcome> outcomes, double margin, double from, double to, double step) {
        List<Point> out = new ArrayList<>();
        for (double t = from; t <= to + 1e-9; t += step) {
            int faq = 0, faqAns = 0, ans = 0, right = 0, oos = 0, oosRej = 0;
            for (Outcome o : outcomes) {
                if (o.query().kind() == EvalQuery.Kind.TRANSFER || "transfer".equals(o.type()) || o.rankedIds().isEmpty()) {
                    if (o.query().kind() == EvalQuery.Kind.FAQ) faq++;
                    if (o.query().kind() == EvalQuery.Kind.OUT_OF_SCOPE) { oos++; oosRej++; }
                    continue;
                }
                boolean a = o.topScore() >= t && o.topScore() - o.secondScore() >= margin;
                if (o.query().kind() == EvalQuery.Kind.FAQ) {
                    faq++;
                    if (a) faqAns++;
                }
                if (o.query().kind() == EvalQuery.Kind.OUT_OF_SCOPE) {
                    oos++;
                    if (!a) oosRej++;
                }
                if (a) {
                    ans++;
                    if (o.query().expectedIds().contains(o.rankedIds().get(0))) right++;
                }
            }
            out.add(new Point(Math.round(t * 1000) / 1000.0, Stats.ratio(faqAns, faq), Stats.ratio(right, ans), Stats.ratio(oosRej, oos)));
        }
        return out;
    }

    /** The lowest threshold whose precision reaches {@code target}, or NaN. */
    public static double lowestWithPrecision(List<Point> curve, double target) {
        for (Point p : curve) if (!Double.isNaN(p.precision()) && p.precision() >= target) return p.threshold();
        return Double.NaN;
    }

    public static List<Map<String, Object>> toMaps(List<Point> curve) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Point p : curve) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("threshold", p.threshold());
            m.put("answer_rate", Stats.round(p.answerRate(), 4));
            m.put("answer_precision", Stats.round(p.precision(), 4));
            m.put("oos_reject", Stats.round(p.oosReject(), 4));
            out.add(m);
        }
        return out;
    }

    private ThresholdCurve() {}
}
