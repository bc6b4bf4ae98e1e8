package org.openhotline.nlu.sensitive;

import java.util.Objects;

/**
 * One sensitive word and how far its sound is trusted: most words are also matched by homophones and
 * pinyin initials from three syllables up; {@link Sound#HOMOPHONE_PRONE} words even when short (傻逼 → 煞笔);
 * {@link Sound#LITERAL} words only by their characters, because their sound collides with normal text
 * (李德生 sounds like 里的生). In files a leading '~' or '=' marks the two.
 */
public record LexiconEntry(String word, Category category, Sound sound) {
    public enum Sound { LITERAL, NORMAL, HOMOPHONE_PRONE }

    public LexiconEntry {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(sound, "sound");
        word = Objects.requireNonNull(word, "word").strip();
        if (word.isEmpty()) throw new IllegalArgumentException("empty sensitive word");
    }

    public LexiconEntry(String word, Category category) {
        this(word, category, Sound.NORMAL);
    }

    /** Reads a lexicon file line: "~傻逼", "=李德生" or a plain word. */
    public static LexiconEntry parse(String line, Category category) {
        String s = line.strip();
        if (s.startsWith("~")) return new LexiconEntry(s.substring(1), category, Sound.HOMOPHONE_PRONE);
        if (s.startsWith("=")) return new LexiconEntry(s.substring(1), category, Sound.LITERAL);
        return new LexiconEntry(s, category, Sound.NORMAL);
    }

    /** The line {@link #parse} reads back. */
    public String toLine() {
        return switch (sound) {
            case LITERAL -> "=" + word;
            case HOMOPHONE_PRONE -> "~" + word;
            case NORMAL -> word;
        };
    }

    public boolean homophoneProne() {
        return sound == Sound.HOMOPHONE_PRONE;
    }

    public LexiconEntry withSound(Sound s) {
        return new LexiconEntry(word, category, s);
    }
}
