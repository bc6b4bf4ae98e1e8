package org.openhotline.nlu.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DocumentSample;

/**
 * Why the citizen writes: consult, complain or suggest, which exclude each other, so one distribution
 * scores them. A fourth category, "none", learns from the short dialogue-act sentences, so that "谢谢"
 * or "第二个" do not have to be spread over the three purposes.
 */
final class PurposeModel {
    static final String NONE = "none";

    private final Categorizer categorizer;

    private PurposeModel(Categorizer categorizer) {
        this.categorizer = categorizer;
    }

    static PurposeModel train(TrainingCorpus corpus, IntentTokenizer tokenizer, double l2) {
        List<DocumentSample> samples = new ArrayList<>();
        for (String purpose : IntentNames.PURPOSES) {
            for (String s : corpus.sentences(purpose)) samples.add(new DocumentSample(purpose, tokenizer.tokens(s)));
        }
        for (String act : IntentNames.DIALOGUE_ACTS) {
            // an angry outburst or a demand for a person often comes with a complaint, so they are left
            // unlabelled here (counting ask_human as "none" cost 0.015 macro-F1 on the development slice)
            if (act.equals(IntentNames.NEGATIVE_EMOTION) || act.equals(IntentNames.ASK_HUMAN)) continue;
            for (String s : corpus.sentences(act)) samples.add(new DocumentSample(NONE, tokenizer.tokens(s)));
        }
        return new PurposeModel(Categorizer.train(samples, l2, false));
    }

    /** Each purpose's probability; they sum with "none" to 1. */
    Map<String, Double> scores(String[] tokens) {
        double[] p = categorizer.evaluate(categorizer.context(tokens));
        Map<String, Double> out = new LinkedHashMap<>();
        for (String purpose : IntentNames.PURPOSES) out.put(purpose, p[categorizer.index(purpose)]);
        return out;
    }
}
