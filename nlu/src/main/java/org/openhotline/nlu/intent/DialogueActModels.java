package org.openhotline.nlu.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.model.Context;

/**
 * One binary (this act or not) categorizer per dialogue act, trained one-vs-rest on all other sentences,
 * because acts combine freely ("谢谢，再见", "什么破服务，转人工") and a shared distribution would make them compete.
 */
final class DialogueActModels {
    private static final String YES = "yes";
    private static final String NO = "no";
    static final int MAX_CLAUSES = 8;

    private final Map<String, Categorizer> models;
    private final String[] acts;
    private final Categorizer[] categorizers;
    private final int[] yes;
    /** Every act model's weights of a feature, by model, or null when some model cannot be evaluated here. */
    private final Map<String, Context[]> weights;

    private DialogueActModels(Map<String, Categorizer> models) {
        this.models = models;
        this.acts = models.keySet().toArray(new String[0]);
        this.categorizers = models.values().toArray(new Categorizer[0]);
        this.yes = new int[acts.length];
        for (int i = 0; i < acts.length; i++) yes[i] = categorizers[i].index(YES);
        this.weights = weightsByFeature(categorizers);
    }

    /**
     * One table of all act models' weights, so that a feature string is hashed and looked up once for the
     * eleven models instead of once per model (the lookups were most of the classification time).
     */
    private static Map<String, Context[]> weightsByFeature(Categorizer[] categorizers) {
        Map<String, Context[]> out = new HashMap<>();
        for (int m = 0; m < categorizers.length; m++) {
            Map<String, Context> w = categorizers[m].weights();
            if (w == null) return null;
            final int model = m;
            w.forEach((feature, c) -> out.computeIfAbsent(feature, f -> new Context[categorizers.length])[model] = c);
        }
        return out;
    }

    static DialogueActModels train(TrainingCorpus corpus, IntentTokenizer tokenizer, double l2) {
        Map<String, String[][]> tokenised = new LinkedHashMap<>();
        for (String intent : corpus.intents()) {
            List<String> sentences = corpus.sentences(intent);
            String[][] t = new String[sentences.size()][];
            for (int i = 0; i < t.length; i++) t[i] = tokenizer.tokens(sentences.get(i));
            tokenised.put(intent, t);
        }
        Map<String, Categorizer> models = new LinkedHashMap<>();
        for (String act : IntentNames.DIALOGUE_ACTS) {
            List<DocumentSample> samples = new ArrayList<>();
            tokenised.forEach((intent, sentences) -> {
                String label = intent.equals(act) ? YES : NO;
                for (String[] s : sentences) samples.add(new DocumentSample(label, s));
            });
            models.put(act, Categorizer.train(samples, l2, true));
        }
        return new DialogueActModels(models);
    }

    /**
     * Each act's probability for the whole message or, when higher, for one of its clauses: acts are said
     * clause by clause ("你们什么破服务，转人工"), and the rest of a message should not dilute one of them.
     */
    Map<String, Double> scores(String[] tokens) {
        List<String[]> parts = clauses(tokens);
        if (parts.size() > 1) parts.add(0, tokens);
        // every act model reads the same features (words, bigrams, length bucket): extract them once per part
        String[][] contexts = new String[parts.size()][];
        for (int p = 0; p < contexts.length; p++) contexts[p] = IntentFeatures.context(parts.get(p), true);
        double[] best = new double[acts.length];
        for (String[] context : contexts) {
            if (weights == null) {
                for (int a = 0; a < acts.length; a++) {
                    if (yes[a] >= 0) best[a] = Math.max(best[a], categorizers[a].evaluate(context)[yes[a]]);
                }
                continue;
            }
            double[][] sums = new double[acts.length][];
            for (int a = 0; a < acts.length; a++) sums[a] = new double[categorizers[a].outcomes()];
            for (String feature : context) {
                Context[] byModel = weights.get(feature);
                if (byModel == null) continue;
                for (int a = 0; a < byModel.length; a++) {
                    Context c = byModel[a];
                    if (c == null) continue;
                    double[] w = c.getParameters();
                    int[] o = c.getOutcomes();
                    for (int j = 0; j < o.length; j++) sums[a][o[j]] += 1.0 * w[j];
                }
            }
            for (int a = 0; a < acts.length; a++) {
                if (yes[a] < 0) continue;
                // exactly QNModel.eval's arithmetic, in its order, so the probabilities do not move by one bit
                double p = StrictMath.exp(sums[a][yes[a]] - ArrayMath.logSumOfExps(sums[a]));
                best[a] = Math.max(best[a], p);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int a = 0; a < acts.length; a++) out.put(acts[a], best[a]);
        return out;
    }

    /** Token runs between punctuation, at most {@link #MAX_CLAUSES}, so a long message costs a bounded time. */
    static List<String[]> clauses(String[] tokens) {
        List<String[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.length && out.size() < MAX_CLAUSES; i++) {
            if (i == tokens.length || isBreak(tokens[i])) {
                if (i > start) out.add(java.util.Arrays.copyOfRange(tokens, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean isBreak(String token) {
        return token.codePoints().allMatch(c -> !Character.isLetterOrDigit(c));
    }
}
