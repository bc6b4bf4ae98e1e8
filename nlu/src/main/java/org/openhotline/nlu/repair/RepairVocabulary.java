package org.openhotline.nlu.repair;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.nlu.pinyin.PinyinConverter;

/**
 * The words a misheard word may be repaired to, found by their fuzzy pinyin: the knowledge base's own
 * vocabulary, so that 一保 becomes 医保 because the answers speak of 医保, not because a dictionary does.
 */
public final class RepairVocabulary {
    static final int MIN_CHARS = 2;
    static final int MAX_CHARS = 5;

    private final Map<String, String> bestByKey;
    private final Map<String, Integer> counts;

    private RepairVocabulary(Map<String, String> bestByKey, Map<String, Integer> counts) {
        this.bestByKey = bestByKey;
        this.counts = counts;
    }

    public static RepairVocabulary empty() {
        return new RepairVocabulary(Map.of(), Map.of());
    }

    /** From word frequencies (e.g. of the knowledge base's segmented questions); the most frequent of homophones wins. */
    public static RepairVocabulary of(Map<String, Integer> wordCounts, PinyinConverter pinyin) {
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Map.Entry<String, Integer> e : wordCounts.entrySet()) {
            String w = e.getKey();
            if (w.length() < MIN_CHARS || w.length() > MAX_CHARS || !allHan(w)) continue;
            String key = key(pinyin, w);
            if (key == null) continue;
            counts.put(w, e.getValue());
            String current = best.get(key);
            if (current == null || e.getValue() > counts.get(current) || (e.getValue().equals(counts.get(current)) && w.compareTo(current) < 0)) {
                best.put(key, w);
            }
        }
        return new RepairVocabulary(best, counts);
    }

    /** The vocabulary word that sounds like {@code key}'s syllables, or null. */
    String wordFor(String key) {
        return bestByKey.get(key);
    }

    boolean contains(String word) {
        return counts.containsKey(word);
    }

    public int size() {
        return counts.size();
    }

    static String key(PinyinConverter pinyin, String text) {
        List<String> syllables = pinyin.syllables(text);
        if (syllables.size() != text.length()) return null; // a character without a reading
        StringBuilder sb = new StringBuilder();
        for (String s : syllables) sb.append(PinyinConverter.fuzzy(s)).append(' ');
        return sb.toString();
    }

    static boolean allHan(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.UnicodeScript.of(s.charAt(i)) != Character.UnicodeScript.HAN) return false;
        return true;
    }
}
