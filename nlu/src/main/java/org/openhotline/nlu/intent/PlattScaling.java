package org.openhotline.nlu.intent;

/**
 * Maps a model's probability p to σ(slope · logit(p) + intercept), fitted on labelled development messages,
 * so that a score of 0.5 is where half of such messages really carry the intent (Platt scaling): a model
 * trained on a few hundred hand-written sentences is not calibrated on the messages citizens send.
 */
record PlattScaling(double slope, double intercept) {
    private static final double EPSILON = 1e-9;

    double apply(double p) {
        double q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        double z = slope * Math.log(q / (1 - q)) + intercept;
        return 1 / (1 + Math.exp(-z));
    }
}
