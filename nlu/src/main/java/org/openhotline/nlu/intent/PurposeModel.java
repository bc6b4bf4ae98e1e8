package org.openhotline.nlu.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DocumentSample;

/**
 * Why the citizen writes: consult, complain or suggest, which exclude each other, so one distribution
 * scores them. A fourth category, "none", learns from the short dialogue-act sentences, so that "谢谢"
 * or "第二个" do not have to be spread over the three purposes. The model reads a length bucket too:
 * "none" is learnt from sentences of a few characters only, and without knowing a message's length it
 * claimed most long letters (its probability rose with length to over 0.9 beyond 160 characters).
 * Scores are calibrated by {@link PurposeCalibration}.
 */
final class PurposeModel {
    static final String NONE = "none";
    /**
     * Fitted by PurposeCalibrationTest (maximum likelihood of the right purpose among the three) on the
     * 10,929 MSGABench citizen messages outside the 600-message held-out slice of PurposeEvaluationTest.
     */
    static final PurposeCalibration FITTED = new PurposeCalibration(2.765, new double[] {0.288, -3.042, 0});

    private final Categorizer categorizer;
    private final PurposeCalibration calibration;
    private final int[] purposeIndex = new int[IntentNames.PURPOSES.size()];
    private final int noneIndex;

    private PurposeModel(Categorizer categorizer, PurposeCalibration calibration) {
        this.categorizer = categorizer;
        this.calibration = calibration;
        for (int i = 0; i < purposeIndex.length; i++) purposeIndex[i] = categorizer.index(IntentNames.PURPOSES.get(i));
        this.noneIndex = categorizer.index(NONE);
    }

    static PurposeModel train(TrainingCorpus corpus, IntentTokenizer tokenizer, double l2) {
        return train(corpus, tokenizer, l2, FITTED);
    }

    static PurposeModel train(TrainingCorpus corpus, IntentTokenizer tokenizer, double l2, PurposeCalibration calibration) {
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
        return new PurposeModel(Categorizer.train(samples, l2, true), calibration);
    }

    /** Each purpose's calibrated score; they sum to 1 − P(none). */
    Map<String, Double> scores(String[] tokens) {
        double[] raw = categorizer.evaluate(categorizer.context(tokens));
        double[] purposes = new double[purposeIndex.length];
        for (int i = 0; i < purposes.length; i++) purposes[i] = purposeIndex[i] < 0 ? 0 : raw[purposeIndex[i]];
        double[] calibrated = calibration.apply(purposes, noneIndex < 0 ? 0 : raw[noneIndex]);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < calibrated.length; i++) out.put(IntentNames.PURPOSES.get(i), calibrated[i]);
        return out;
    }

    /** The model's own distribution, in {@link IntentNames#PURPOSES} order then none: what calibration is fitted on. */
    double[] raw(String[] tokens) {
        double[] p = categorizer.evaluate(categorizer.context(tokens));
        double[] out = new double[purposeIndex.length + 1];
        for (int i = 0; i < purposeIndex.length; i++) out[i] = purposeIndex[i] < 0 ? 0 : p[purposeIndex[i]];
        out[purposeIndex.length] = noneIndex < 0 ? 0 : p[noneIndex];
        return out;
    }
}
