package org.openhotline.voice.asr;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate: (substitutions + deletions + insertions) / reference words, by edit distance over words after
 * lower-casing and dropping punctuation — the figure ASR tests and {@code bench-asr} report.
 */
public final class WordErrorRate {
    private WordErrorRate() {}

    public static double of(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        return ref.isEmpty() ? (hyp.isEmpty() ? 0 : 1) : (double) errors(ref, hyp) / ref.size();
    }

    /** Edit distance between word lists. */
    public static int errors(List<String> ref, List<String> hyp) {
        int[] previous = new int[hyp.size() + 1];
        int[] current = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) previous[j] = j;
        for (int i = 1; i <= ref.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int substitute = previous[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[hyp.size()];
    }

    public static List<String> words(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ").strip();
        return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+"));
    }
}
