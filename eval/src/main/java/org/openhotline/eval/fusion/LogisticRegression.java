package org.openhotline.eval.fusion;

/**
 * Binary logistic regression fitted by Newton's method with a small L2 penalty: a handful of features,
 * a few thousand rows, exact and deterministic in a few iterations (no learning rate to tune).
 */
public final class LogisticRegression {

    /** @return {@code [bias, w1, …, wk]} */
    public static double[] fit(double[][] x, int[] y, double l2, int iterations) {
        int k = x[0].length + 1;
        double[] w = new double[k];
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[k];
            double[][] hess = new double[k][k];
            for (int i = 0; i < x.length; i++) {
                double[] xi = withBias(x[i]);
                double p = sigmoid(dot(w, xi));
                double r = p * (1 - p);
                for (int a = 0; a < k; a++) {
                    grad[a] += (p - y[i]) * xi[a];
                    for (int b = 0; b < k; b++) hess[a][b] += r * xi[a] * xi[b];
                }
            }
            for (int a = 1; a < k; a++) { // bias is not penalised
                grad[a] += l2 * w[a];
                hess[a][a] += l2;
            }
            for (int a = 0; a < k; a++) hess[a][a] += 1e-9;
            double[] step = solve(hess, grad);
            double norm = 0;
            for (int a = 0; a < k; a++) {
                w[a] -= step[a];
                norm += step[a] * step[a];
            }
            if (norm < 1e-12) break;
        }
        return w;
    }

    public static double predict(double[] w, double[] x) {
        return sigmoid(dot(w, withBias(x)));
    }

    private static double[] withBias(double[] x) {
        double[] out = new double[x.length + 1];
        out[0] = 1;
        System.arraycopy(x, 0, out, 1, x.length);
        return out;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Gaussian elimination with partial pivoting; the matrix is small and positive definite. */
    static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n] = v[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) a[r][k] -= f * a[c][k];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
            x[r] = s / a[r][r];
        }
        return x;
    }

    private LogisticRegression() {}
}
