package org.openhotline.nlu.segment;

/** One word of a segmented message; offsets index the text that was segmented (UTF-16, end exclusive). */
public record Token(String word, int start, int end, String nature) {
    public boolean isPunctuation() {
        return nature.startsWith("w");
    }
}
