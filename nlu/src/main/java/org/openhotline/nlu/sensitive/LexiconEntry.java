package org.openhotline.nlu.sensitive;

import java.util.Objects;

/**
 * One sensitive word. {@code homophoneProne} words are matched on their pinyin even when short;
 * other words only from three syllables up, where a same-sounding normal phrase is unlikely.
 */
public record LexiconEntry(String word, Category category, boolean homophoneProne) {
    public LexiconEntry {
        Objects.requireNonNull(category, "category");
        word = Objects.requireNonNull(word, "word").strip();
        if (word.isEmpty()) throw new IllegalArgumentException("empty sensitive word");
    }

    public LexiconEntry(String word, Category category) {
        this(word, category, false);
    }
}
