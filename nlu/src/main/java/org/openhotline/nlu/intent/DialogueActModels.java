package org.openhotline.nlu.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DocumentSample;

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

    private DialogueActModels(Map<String, Categorizer> models) {
        this.models = models;
        this.acts = models.keySet().toArray(new String[0]);
        this.categorizers = models.values().toArray(new Categorizer[0]);
        this.yes = new int[acts.length];
        for (int i = 0; i < acts.length; i++) yes[i] = categorizers[i].index(YES);
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
        Map<String, Double> out = new LinkedHashMap<>();
        for (int a = 0; a < acts.length; a++) {
            double best = 0;
            if (yes[a] >= 0) {
                for (String[] context : contexts) best = Math.max(best, categorizers[a].evaluate(context)[yes[a]]);
            }
            out.put(acts[a], best);
        }
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
