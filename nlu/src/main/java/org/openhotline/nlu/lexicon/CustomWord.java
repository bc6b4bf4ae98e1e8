package org.openhotline.nlu.lexicon;

/**
 * A word the segmenter must keep whole (社保卡, 异地就医), with the part of speech HanLP should give it
 * ({@code nz}, {@code ns}, {@code n}…; null means the default {@code nz}).
 */
public record CustomWord(String word, String nature) {
    public CustomWord {
        if (word == null || word.isBlank()) throw new IllegalArgumentException("a custom word is empty");
        word = word.strip();
        nature = nature == null || nature.isBlank() ? null : nature.strip();
    }

    /** A {@code domain-words.txt} line: the word, optionally followed by a tab and its nature. */
    static CustomWord parseLine(String line) {
        int tab = line.indexOf('\t');
        return tab < 0 ? new CustomWord(line, null) : new CustomWord(line.substring(0, tab), line.substring(tab + 1));
    }
}
