package org.openhotline.nlu.sensitive;

/**
 * A sensitive word found in a message: the lexicon word it stands for, where it is in the ORIGINAL
 * text (UTF-16 offsets, end exclusive, so evasions like "法 * 轮" are covered whole), and what the
 * policy does about it.
 */
public record SensitiveHit(Category category, String word, int start, int end, MatchMode mode, Action action) {

    /** The characters of {@code original} this hit covers. */
    public String matchedText(String original) {
        return original.substring(start, end);
    }

    SensitiveHit withAction(Action a) {
        return new SensitiveHit(category, word, start, end, mode, a);
    }
}
