package org.openhotline.nlu.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled example sentences, one list per intent, in a fixed order so that training is deterministic.
 * The bundled corpus is hand-written for the product (training/&lt;intent&gt;.txt), never copied from a data set.
 */
public final class TrainingCorpus {
    private static final String BASE = "/org/openhotline/nlu/intent/training/";

    private final Map<String, List<String>> sentences;

    public TrainingCorpus(Map<String, List<String>> sentences) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        sentences.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.sentences = java.util.Collections.unmodifiableMap(copy);
    }

    /** One file per intent name in {@link IntentNames#ALL}; a missing file is a packaging error. */
    public static TrainingCorpus bundled() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String intent : IntentNames.ALL) out.put(intent, read(intent + ".txt"));
        return new TrainingCorpus(out);
    }

    public List<String> sentences(String intent) {
        return sentences.getOrDefault(intent, List.of());
    }

    public List<String> intents() {
        return List.copyOf(sentences.keySet());
    }

    private static List<String> read(String name) {
        return org.openhotline.nlu.lexicon.LexiconFiles.bundled(BASE + name);
    }
}
