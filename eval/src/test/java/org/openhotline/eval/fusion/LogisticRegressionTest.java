package org.openhotline.eval.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    @Test
    void recoversKnownWeights() {
        Random rnd = new Random(7);
        double[] truth = {-1.0, 3.0, -2.0};
        int n = 4000;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextGaussian();
            x[i][1] = rnd.nextGaussian();
            double p = LogisticRegression.sigmoid(truth[0] + truth[1] * x[i][0] + truth[2] * x[i][1]);
            y[i] = rnd.nextDouble() < p ? 1 : 0;
        }
        double[] w = LogisticRegression.fit(x, y, 1e-3, 50);
        for (int i = 0; i < 3; i++) assertTrue(Math.abs(w[i] - truth[i]) < 0.25, "weight " + i + " = " + w[i]);
    }

    @Test
    void solvesALinearSystem() {
        double[] x = LogisticRegression.solve(new double[][] {{2, 1}, {1, 3}}, new double[] {3, 5});
        assertArrayEquals(new double[] {0.8, 1.4}, x, 1e-9);
    }
}
