package org.openhotline.kb.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FusionModelTest {

    @Test
    void probabilityIsTheLogisticOfTheWeightedSum() {
        FusionModel m = new FusionModel(-1, new double[] {1, 2, 0, 0, 0});
        assertEquals(0.5, m.probability(new Features(1, 0, 0, 0, 0)), 1e-12);
        assertEquals(1 / (1 + Math.exp(-1)), m.probability(new Features(1, 0.5, 0.9, 0.9, 0.9)), 1e-12);
    }

    @Test
    void strongerEvidenceGivesHigherProbability() {
        FusionModel m = new FusionModel(-11.9, new double[] {0.67, 34.7, 11.4, 3.8, 1.3});
        double leader = m.probability(new Features(0.9, 0, 0.8, 1, 1));
        double runnerUp = m.probability(new Features(0.8, -0.1, 0.6, 0.3, 0.2));
        assertTrue(leader > 0.5 && leader > runnerUp, leader + " vs " + runnerUp);
    }

    @Test
    void needsOneWeightPerFeature() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FusionModel(0, new double[3]));
        assertTrue(e.getMessage().contains("5 weights"), e.getMessage());
    }

    @Test
    void weightsAreCopied() {
        double[] w = {1, 1, 1, 1, 1};
        FusionModel m = new FusionModel(0, w);
        w[0] = 100;
        assertEquals(1, m.weights()[0]);
    }

    @Test
    void modesParseTheirNames() {
        assertEquals(RetrievalMode.BM25, RetrievalMode.parse("lexical"));
        assertEquals(RetrievalMode.VECTOR, RetrievalMode.parse(" Dense "));
        assertEquals(RetrievalMode.HYBRID, RetrievalMode.parse("HYBRID"));
        assertThrows(IllegalArgumentException.class, () -> RetrievalMode.parse("fuzzy"));
    }
}
