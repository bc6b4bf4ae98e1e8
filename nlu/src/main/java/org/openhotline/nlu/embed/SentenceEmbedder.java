package org.openhotline.nlu.embed;

import java.util.ArrayList;
import java.util.List;

/** Turns a sentence into a unit-length vector, so that the dot product of two vectors is their cosine. */
public interface SentenceEmbedder {

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) out.add(embed(t));
        return out;
    }

    int dimension();

    /** Names the model, so that stored vectors from another model are never mixed with this one's. */
    String modelId();

    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        if (sum == 0) return v;
        float inv = (float) (1.0 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
        return out;
    }

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
