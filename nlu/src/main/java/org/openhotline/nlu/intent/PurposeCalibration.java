package org.openhotline.nlu.intent;

/**
 * Turns the purpose model's four-way distribution (consult, complain, suggest, none) into calibrated purpose
 * scores: P(purpose) = P(some purpose) · P(purpose | some purpose). The first factor is 1 − P(none) as the
 * model gives it; the second is the model's choice among the three, with a temperature and per-purpose
 * biases (a prior shift: the training sentences are not in the proportions of real messages) fitted on
 * citizen messages that are not the held-out evaluation slice. Without it a long message's top purpose
 * was scored under 0.5 most of the time although it was right two times in three.
 *
 * @param temperature divides the log-probabilities: above 1 the choice is softened, below 1 sharpened
 * @param bias        added to each purpose's log-probability, in {@link IntentNames#PURPOSES} order
 */
record PurposeCalibration(double temperature, double[] bias) {
    /** No change to the choice among purposes (still multiplied by 1 − P(none)). */
    static final PurposeCalibration NONE = new PurposeCalibration(1, new double[3]);

    PurposeCalibration {
        if (!(temperature > 0) || bias.length != IntentNames.PURPOSES.size()) throw new IllegalArgumentException("bad calibration");
        bias = bias.clone();
    }

    /**
     * Calibrated scores of the purposes from their raw probabilities and the raw probability of none.
     * Purposes whose probability is zero stay zero.
     */
    double[] apply(double[] purposes, double none) {
        double[] z = new double[purposes.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < z.length; i++) {
            z[i] = (Math.log(Math.max(purposes[i], Double.MIN_NORMAL)) + bias[i]) / temperature;
            max = Math.max(max, z[i]);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i] - max);
        double present = Math.max(0, Math.min(1, 1 - none));
        for (int i = 0; i < z.length; i++) z[i] = present * z[i] / sum;
        return z;
    }
}
