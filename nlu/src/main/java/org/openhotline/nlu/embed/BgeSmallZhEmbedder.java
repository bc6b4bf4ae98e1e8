package org.openhotline.nlu.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * bge-small-zh-v1.5 (quantized, 512 dimensions) run in-process through ONNX Runtime; the model ships
 * inside its Maven artifact, so nothing is downloaded at run time. Loading takes about a second.
 */
public final class BgeSmallZhEmbedder implements SentenceEmbedder {
    private static final int BATCH = 32;
    private final EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();

    @Override
    public float[] embed(String text) {
        return SentenceEmbedder.normalize(model.embed(nonEmpty(text)).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = new ArrayList<>();
            for (String t : texts.subList(from, Math.min(texts.size(), from + BATCH))) batch.add(TextSegment.from(nonEmpty(t)));
            for (Embedding e : model.embedAll(batch).content()) out.add(SentenceEmbedder.normalize(e.vector()));
        }
        return out;
    }

    private static String nonEmpty(String text) {
        return text == null || text.isBlank() ? "?" : text;
    }

    @Override
    public int dimension() {
        return 512;
    }

    @Override
    public String modelId() {
        return "bge-small-zh-v1.5-q";
    }
}
