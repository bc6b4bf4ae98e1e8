package org.openhotline.voice.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Vosk's JSON answers ({"text","result":[{"word","conf","start","end"}]} and {"partial"}) as results. */
final class VoskJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VoskJson() {}

    /** {@code startSeconds}: where the session began on the recogniser's clock, taken off every word's times. */
    static RecognitionResult result(String json, double startSeconds) {
        JsonNode node = parse(json);
        List<RecognitionResult.Word> words = new ArrayList<>();
        double sum = 0;
        for (JsonNode w : node.path("result")) {
            if ("[unk]".equals(w.path("word").asText())) continue;
            words.add(new RecognitionResult.Word(w.path("word").asText(), w.path("conf").asDouble(), w.path("start").asDouble() - startSeconds, w.path("end").asDouble() - startSeconds));
            sum += w.path("conf").asDouble();
        }
        String text = node.path("text").asText("").replace("[unk]", " ").replaceAll("\\s+", " ");
        return new RecognitionResult(text, true, words.isEmpty() ? 0 : sum / words.size(), words);
    }

    static String partial(String json) {
        return parse(json).path("partial").asText("");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Vosk answered something that is not JSON: " + json, e);
        }
    }
}
