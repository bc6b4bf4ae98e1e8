package org.openhotline.nlu.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {

    @Test
    void normalizeGivesUnitLength() {
        float[] v = SentenceEmbedder.normalize(new float[] {3, 4});
        assertArrayEquals(new float[] {0.6f, 0.8f}, v, 1e-6f);
        assertEquals(1.0, SentenceEmbedder.dot(v, v), 1e-6);
    }

    @Test
    void zeroVectorIsLeftAlone() {
        float[] zero = {0, 0, 0};
        assertArrayEquals(zero, SentenceEmbedder.normalize(zero));
    }

    @Test
    void dotProduct() {
        assertEquals(11f, SentenceEmbedder.dot(new float[] {1, 2}, new float[] {3, 4}));
    }
}
