package org.openhotline.nlu.intent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * An OpenNLP maximum-entropy document categorizer trained in memory on tokenised sentences. L2-regularised
 * (quasi-Newton) rather than plain GIS, because a few hundred sentences would otherwise give near-certain
 * probabilities for anything sharing one word with the training data; single-threaded training is deterministic.
 */
final class Categorizer {
    private final DocumentCategorizerME categorizer;
    private final opennlp.tools.ml.model.MaxentModel maxent;
    private final boolean lengthBucket;

    private Categorizer(DoccatModel model, boolean lengthBucket) {
        // the categorizer keeps no state between calls (its context generator and feature generators are
        // stateless, the model's eval allocates per call), so one instance is shared by all threads
        this.categorizer = new DocumentCategorizerME(model);
        this.maxent = model.getMaxentModel();
        this.lengthBucket = lengthBucket;
    }

    static Categorizer train(List<DocumentSample> samples, double l2, boolean lengthBucket) {
        FeatureGenerator[] features = {new IntentFeatures(lengthBucket)};
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, 200);
        params.put(TrainingParameters.CUTOFF_PARAM, 0);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        params.put("L1Cost", 0.0);
        params.put("L2Cost", l2);
        try {
            DoccatModel model = DocumentCategorizerME.train("zh", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(features));
            // the trained model names its feature generator by class; hand it the instance instead of
            // letting OpenNLP re-create it reflectively (it is not a public extension)
            model.getFactory().setFeatureGenerators(features);
            return new Categorizer(model, lengthBucket);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    /** Probability of {@code category} for the tokens, 0 when the model never saw that category. */
    double probability(String[] tokens, String category) {
        int i = categorizer.getIndex(category);
        return i < 0 ? 0 : categorizer.categorize(tokens)[i];
    }

    double[] distribution(String[] tokens) {
        return categorizer.categorize(tokens);
    }

    /** The context this categorizer reads for the tokens: compute it once, evaluate it with {@link #evaluate}. */
    String[] context(String[] tokens) {
        return IntentFeatures.context(tokens, lengthBucket);
    }

    /** The distribution for a context from {@link #context}; the same as {@link #distribution} of its tokens. */
    double[] evaluate(String[] context) {
        return maxent.eval(context);
    }

    /**
     * The model's weights by feature (OpenNLP's own table), or null when the model is not one whose
     * evaluation {@link DialogueActModels} reproduces (a maximum-entropy model over feature presence).
     */
    @SuppressWarnings("unchecked")
    java.util.Map<String, opennlp.tools.ml.model.Context> weights() {
        if (!(maxent instanceof opennlp.tools.ml.maxent.quasinewton.QNModel qn)) return null;
        return (java.util.Map<String, opennlp.tools.ml.model.Context>) qn.getDataStructures()[1];
    }

    int outcomes() {
        return maxent.getNumOutcomes();
    }

    int index(String category) {
        return categorizer.getIndex(category);
    }
}
