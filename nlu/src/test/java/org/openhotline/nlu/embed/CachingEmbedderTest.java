package org.openhotline.nlu.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingEmbedderTest {

    /** Embeds a text as {length, first char}, and records every text it was asked for. */
    static final class CountingEmbedder implements SentenceEmbedder {
        final List<String> calls = new ArrayList<>();
        int bulkCalls;

        @Override
        public float[] embed(String text) {
            calls.add(text);
            return new float[] {text.length(), text.isEmpty() ? 0 : text.charAt(0)};
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            bulkCalls++;
            return SentenceEmbedder.super.embedAll(texts);
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public String modelId() {
            return "counting";
        }
    }

    @Test
    void secondCallIsServedFromCache() {
        CountingEmbedder fake = new CountingEmbedder();
        CachingEmbedder cache = new CachingEmbedder(fake, 10);
        float[] first = cache.embed("社保卡怎么补办");
        float[] second = cache.embed("社保卡怎么补办");
        assertSame(first, second);
        assertEquals(List.of("社保卡怎么补办"), fake.calls);
        assertEquals(0.5, cache.hitRate(), 1e-9);
    }

    @Test
    void capacityEvictsTheLeastRecentlyUsed() {
        CountingEmbedder fake = new CountingEmbedder();
        CachingEmbedder cache = new CachingEmbedder(fake, 2);
        cache.embed("a");
        cache.embed("b");
        cache.embed("a"); // a is now more recent than b
        cache.embed("c"); // evicts b, not a
        assertEquals(List.of("a", "b", "c"), fake.calls);
        cache.embed("a");
        assertEquals(3, fake.calls.size(), "a was kept");
        cache.embed("b");
        assertEquals(List.of("a", "b", "c", "b"), fake.calls, "b was evicted and embedded again");
    }

    @Test
    void bulkEmbeddingBypassesTheCache() {
        CountingEmbedder fake = new CountingEmbedder();
        CachingEmbedder cache = new CachingEmbedder(fake, 10);
        List<float[]> vs = cache.embedAll(List.of("x", "yy"));
        assertArrayEquals(new float[] {2, 'y'}, vs.get(1));
        assertEquals(1, fake.bulkCalls);
        cache.embed("x");
        assertEquals(List.of("x", "yy", "x"), fake.calls, "index builds do not fill the query cache");
    }

    @Test
    void delegatesDimensionAndModel() {
        CachingEmbedder cache = new CachingEmbedder(new CountingEmbedder(), 10);
        assertEquals(2, cache.dimension());
        assertEquals("counting", cache.modelId());
        assertEquals(0.0, cache.hitRate());
    }
}
