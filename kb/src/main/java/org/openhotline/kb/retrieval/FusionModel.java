package org.openhotline.kb.retrieval;

import java.util.Arrays;

/**
 * A logistic model over {@link Features}: its output is the estimated probability that the candidate is
 * the right answer, which both ranks candidates and serves as the confidence the answer tiers read.
 * The weights are learned by {@code ./hotline eval train-fusion} on labelled questions, never hand-set.
 */
public record FusionModel(double bias, double[] weights) {

    public FusionModel {
        if (weights.length != Features.NAMES.size()) {
            throw new IllegalArgumentException("fusion needs " + Features.NAMES.size() + " weights " + Features.NAMES + ", got " + weights.length);
        }
        weights = weights.clone();
    }

    public double probability(Features f) {
        double[] x = f.toArray();
        double z = bias;
        for (int i = 0; i < x.length; i++) z += weights[i] * x[i];
        return 1.0 / (1.0 + Math.exp(-z));
    }

    @Override
    public String toString() {
        return "FusionModel[bias=" + bias + ", weights=" + Arrays.toString(weights) + " " + Features.NAMES + "]";
    }
}
