package org.openhotline.nlu.intent;

import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Features for the document categorizer: HanLP words, character bigrams (a few hundred sentences per
 * intent cannot cover every word, but they share characters: 报销/报不报) and optionally a length bucket
 * (dialogue acts are short). Stateless, so one instance serves all threads.
 */
final class IntentFeatures implements FeatureGenerator {
    private final boolean lengthBucket;

    IntentFeatures(boolean lengthBucket) {
        this.lengthBucket = lengthBucket;
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        return features(tokens, lengthBucket);
    }

    /**
     * The model's context for the tokens, in the order OpenNLP's own context generator gives it (so
     * probabilities are bit-for-bit those of {@code DocumentCategorizerME.categorize}); computed once per
     * text and then evaluated by every model that reads the same features.
     */
    static String[] context(String[] tokens, boolean lengthBucket) {
        return features(tokens, lengthBucket).toArray(new String[0]);
    }

    private static java.util.Set<String> features(String[] tokens, boolean lengthBucket) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(); // presence, not counts: long texts must not drown the few words that carry intent
        int chars = 0;
        StringBuilder joined = new StringBuilder();
        for (String t : tokens) {
            out.add("w=" + t);
            joined.append(t);
            chars += t.length();
        }
        for (int i = 0; i + 1 < joined.length(); i++) {
            char a = joined.charAt(i), b = joined.charAt(i + 1);
            if (Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b)) out.add("b=" + a + b);
        }
        if (lengthBucket) out.add("len=" + (chars <= 4 ? "xs" : chars <= 10 ? "s" : chars <= 30 ? "m" : "l"));
        return out;
    }
}
