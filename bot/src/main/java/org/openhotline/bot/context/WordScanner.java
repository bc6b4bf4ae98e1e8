package org.openhotline.bot.context;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Finds the words of a vocabulary in a text, longest first from left to right, without overlaps. The
 * segmenter's tokens are not enough for this: HanLP cuts "那大学生呢" as 那大/学生/呢, while the
 * vocabulary's own words (大学生, 异地就医) are what the follow-up reading needs to see.
 */
final class WordScanner {
    private final Set<String> words;
    private final int longest;

    WordScanner(Collection<String> words) {
        this.words = Set.copyOf(words.stream().filter(w -> !w.isBlank()).map(String::toLowerCase).toList());
        this.longest = this.words.stream().mapToInt(String::length).max().orElse(0);
    }

    /** One word found, at {@code start} (UTF-16 index into the scanned text). */
    record Hit(String word, int start) {
        int end() {
            return start + word.length();
        }
    }

    List<Hit> scan(String text) {
        List<Hit> out = new ArrayList<>();
        String lower = text.toLowerCase();
        int i = 0;
        while (i < lower.length()) {
            String found = null;
            for (int len = Math.min(longest, lower.length() - i); len > 0 && found == null; len--) {
                String w = lower.substring(i, i + len);
                if (words.contains(w)) found = w;
            }
            if (found == null) {
                i++;
            } else {
                out.add(new Hit(found, i));
                i += found.length();
            }
        }
        return out;
    }

    boolean contains(String word) {
        return words.contains(word.toLowerCase());
    }
}
