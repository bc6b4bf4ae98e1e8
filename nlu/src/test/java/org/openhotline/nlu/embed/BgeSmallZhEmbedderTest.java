package org.openhotline.nlu.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real bundled model (about a second to load, once for the class). */
class BgeSmallZhEmbedderTest {
    private static BgeSmallZhEmbedder model;

    @BeforeAll
    static void load() {
        model = new BgeSmallZhEmbedder();
    }

    @Test
    void vectorsHave512DimensionsAndUnitLength() {
        float[] v = model.embed("社保卡丢了怎么补办");
        assertEquals(512, v.length);
        assertEquals(model.dimension(), v.length);
        assertEquals(1.0, SentenceEmbedder.dot(v, v), 1e-4);
    }

    @Test
    void paraphraseIsCloserThanAnUnrelatedQuestion() {
        float[] q = model.embed("社保卡丢了怎么补办");
        float[] paraphrase = model.embed("社会保障卡遗失如何补领");
        float[] unrelated = model.embed("今天天气怎么样");
        double near = SentenceEmbedder.dot(q, paraphrase);
        double far = SentenceEmbedder.dot(q, unrelated);
        assertTrue(near > far + 0.1, "paraphrase " + near + " vs unrelated " + far);
    }

    @Test
    void embeddingIsDeterministic() {
        assertArrayEquals(model.embed("公积金怎么提取"), model.embed("公积金怎么提取"), 1e-6f);
    }

    @Test
    void batchEmbeddingMatchesOneByOne() {
        // batches pad shorter texts; the padding must not change a text's vector
        List<String> texts = List.of("医保", "异地就医备案需要什么材料", "公积金");
        List<float[]> batch = model.embedAll(texts);
        assertEquals(3, batch.size());
        for (int i = 0; i < texts.size(); i++) {
            assertTrue(SentenceEmbedder.dot(batch.get(i), model.embed(texts.get(i))) > 0.999, texts.get(i));
        }
    }

    @Test
    void blankTextStillGivesAUnitVector() {
        for (String s : new String[] {"", "  ", null}) {
            float[] v = model.embed(s);
            assertEquals(512, v.length);
            assertEquals(1.0, SentenceEmbedder.dot(v, v), 1e-4);
        }
    }

    @Test
    void modelIdNamesTheModel() {
        assertEquals("bge-small-zh-v1.5-q", model.modelId());
    }
}
