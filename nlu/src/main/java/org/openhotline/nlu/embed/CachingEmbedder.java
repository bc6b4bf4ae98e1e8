package org.openhotline.nlu.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An LRU cache in front of an embedder: hotline questions repeat all day ("社保卡怎么补办"), and an
 * embedding costs milliseconds while a lookup costs nanoseconds. Vectors are shared, never mutated.
 */
public final class CachingEmbedder implements SentenceEmbedder {
    private final SentenceEmbedder delegate;
    private final Map<String, float[]> cache;
    private long hits;
    private long misses;

    public CachingEmbedder(SentenceEmbedder delegate, int capacity) {
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(Math.max(16, capacity / 4), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public float[] embed(String text) {
        synchronized (cache) {
            float[] v = cache.get(text);
            if (v != null) {
                hits++;
                return v;
            }
            misses++;
        }
        float[] v = delegate.embed(text); // computed outside the lock: two threads may race, both correct
        synchronized (cache) {
            cache.put(text, v);
        }
        return v;
    }

    @Override
    public java.util.List<float[]> embedAll(java.util.List<String> texts) {
        return delegate.embedAll(texts); // bulk work (index builds) would only flush the query cache
    }

    public synchronized double hitRate() {
        synchronized (cache) {
            long total = hits + misses;
            return total == 0 ? 0 : (double) hits / total;
        }
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }
}
