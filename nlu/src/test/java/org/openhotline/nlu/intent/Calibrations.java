package org.openhotline.nlu.intent;

import java.util.List;

/**
 * Fitting and measuring the intent calibrations by maximum likelihood (both fits are convex, solved by
 * Newton's method), so that the shipped constants can be checked against a fresh fit on the same data.
 */
final class Calibrations {
    private Calibrations() {
    }

    /**
     * Platt scaling of probabilities {@code p} against 0/1 labels: logistic regression on logit(p), with
     * Platt's smoothed targets (N₊+1)/(N₊+2) and 1/(N₋+2) instead of 1 and 0, so that a handful of positives
     * that the model happens to separate do not drive the slope to infinity.
     */
    static PlattScaling fitPlatt(double[] p, int[] y) {
        double[] t = targets(y);
        double a = 1, b = 0;
        for (int it = 0; it < 200; it++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < p.length; i++) {
                double x = logit(p[i]), q = sigmoid(a * x + b), w = q * (1 - q);
                ga += (q - t[i]) * x;
                gb += q - t[i];
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            // damped Newton: halve the step until the loss does not rise
            double before = plattLoss(new PlattScaling(a, b), p, t);
            double f = 1;
            while (f > 1e-6 && plattLoss(new PlattScaling(a - f * da, b - f * db), p, t) > before) f /= 2;
            a -= f * da;
            b -= f * db;
            if (f * (Math.abs(da) + Math.abs(db)) < 1e-10) break;
        }
        return new PlattScaling(a, b);
    }

    /** Mean cross-entropy of Platt's smoothed targets for the labels under Platt scaling {@code s}. */
    static double plattLoss(PlattScaling s, double[] p, int[] y) {
        return plattLoss(s, p, targets(y));
    }

    private static double plattLoss(PlattScaling s, double[] p, double[] t) {
        double loss = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-12, Math.max(1e-12, s.apply(p[i])));
            loss -= t[i] * Math.log(q) + (1 - t[i]) * Math.log(1 - q);
        }
        return loss / p.length;
    }

    private static double[] targets(int[] y) {
        int pos = 0;
        for (int v : y) pos += v;
        double hi = (pos + 1.0) / (pos + 2.0), lo = 1.0 / (y.length - pos + 2.0);
        double[] t = new double[y.length];
        for (int i = 0; i < y.length; i++) t[i] = y[i] == 1 ? hi : lo;
        return t;
    }

    /**
     * Temperature and purpose biases maximising the likelihood of the gold purpose among the three: a
     * multinomial logistic regression z_c = u·log p_c + β_c (β of the last purpose fixed at 0), then
     * T = 1/u and bias_c = β_c·T. {@code raw} rows are {@link PurposeModel#raw} outputs.
     */
    static PurposeCalibration fitPurposes(List<double[]> raw, int[] gold) {
        double[] w = {1, 0, 0}; // u, β0, β1
        for (int it = 0; it < 100; it++) {
            double[] g = new double[3];
            double[][] h = new double[3][3];
            for (int n = 0; n < raw.size(); n++) {
                double[] l = logs(raw.get(n));
                double[] q = softmax(new double[] {w[0] * l[0] + w[1], w[0] * l[1] + w[2], w[0] * l[2]});
                // features of class c: d z_c / d w = (l_c, [c == 0], [c == 1])
                double[][] f = {{l[0], 1, 0}, {l[1], 0, 1}, {l[2], 0, 0}};
                double[] mean = new double[3];
                for (int c = 0; c < 3; c++) for (int k = 0; k < 3; k++) mean[k] += q[c] * f[c][k];
                for (int k = 0; k < 3; k++) g[k] += mean[k] - f[gold[n]][k];
                for (int c = 0; c < 3; c++) {
                    for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) h[j][k] += q[c] * (f[c][j] - mean[j]) * (f[c][k] - mean[k]);
                }
            }
            for (int k = 0; k < 3; k++) h[k][k] += 1e-9;
            double[] step = solve(h, g);
            // damped Newton: halve the step until the loss does not rise (and the temperature stays positive)
            double before = loss(w, raw, gold), f = 1;
            while (f > 1e-6 && (w[0] - f * step[0] <= 0
                    || loss(new double[] {w[0] - f * step[0], w[1] - f * step[1], w[2] - f * step[2]}, raw, gold) > before)) f /= 2;
            for (int k = 0; k < 3; k++) w[k] -= f * step[k];
            if (f * (Math.abs(step[0]) + Math.abs(step[1]) + Math.abs(step[2])) < 1e-10) break;
        }
        double t = 1 / w[0];
        return new PurposeCalibration(t, new double[] {w[1] * t, w[2] * t, 0});
    }

    private static double loss(double[] w, List<double[]> raw, int[] gold) {
        double t = 1 / w[0];
        return purposeLoss(new PurposeCalibration(t, new double[] {w[1] * t, w[2] * t, 0}), raw, gold);
    }

    /** Mean negative log-likelihood of the gold purpose among the three (the quantity fitted above). */
    static double purposeLoss(PurposeCalibration c, List<double[]> raw, int[] gold) {
        double loss = 0;
        for (int n = 0; n < raw.size(); n++) {
            double[] r = raw.get(n);
            double[] p = c.apply(new double[] {r[0], r[1], r[2]}, 0);
            loss -= Math.log(Math.max(1e-300, p[gold[n]]));
        }
        return loss / raw.size();
    }

    /**
     * Expected calibration error of the top label: |accuracy − mean confidence| over ten equal-width bins of
     * confidence, weighted by the share of messages in each bin.
     */
    static double expectedCalibrationError(double[] confidence, boolean[] right) {
        int[] count = new int[10];
        double[] conf = new double[10], acc = new double[10];
        for (int i = 0; i < confidence.length; i++) {
            int b = Math.min(9, (int) (confidence[i] * 10));
            count[b]++;
            conf[b] += confidence[i];
            if (right[i]) acc[b]++;
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) ece += Math.abs(acc[b] - conf[b]);
        return ece / confidence.length;
    }

    private static double[] logs(double[] raw) {
        return new double[] {Math.log(Math.max(raw[0], Double.MIN_NORMAL)), Math.log(Math.max(raw[1], Double.MIN_NORMAL)),
                Math.log(Math.max(raw[2], Double.MIN_NORMAL))};
    }

    private static double[] softmax(double[] z) {
        double max = Math.max(z[0], Math.max(z[1], z[2])), sum = 0;
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) sum += out[c] = Math.exp(z[c] - max);
        for (int c = 0; c < 3; c++) out[c] /= sum;
        return out;
    }

    private static double[] solve(double[][] a, double[] b) { // 3x3 by Cramer's rule
        double d = det(a[0][0], a[0][1], a[0][2], a[1][0], a[1][1], a[1][2], a[2][0], a[2][1], a[2][2]);
        double[] x = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int r = 0; r < 3; r++) m[r][k] = b[r];
            x[k] = det(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]) / d;
        }
        return x;
    }

    private static double det(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
