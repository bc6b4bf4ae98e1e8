package org.openhotline.nlu.sensitive;

/**
 * A message reduced to the characters that carry words, each folded by {@link CharFolding}, with the
 * original UTF-16 range of every kept char so hits can be reported against what the citizen wrote.
 * Runs of break characters collapse into one {@link CharFolding#BREAK}.
 */
final class Skeleton {
    final char[] chars;
    final int length;
    /** Original offset of each kept char, and the end (exclusive) of what it was read from. */
    final int[] from;
    final int[] to;
    /** True where whitespace was skipped just before this char: a latin word may start here ("f.u.c.k" stays one word). */
    final boolean[] gapBefore;

    private Skeleton(char[] chars, int length, int[] from, int[] to, boolean[] gapBefore) {
        this.chars = chars;
        this.length = length;
        this.from = from;
        this.to = to;
        this.gapBefore = gapBefore;
    }

    static Skeleton of(String text, CharFolding folding) {
        int n = text.length();
        char[] chars = new char[n];
        int[] from = new int[n];
        int[] to = new int[n];
        boolean[] gap = new boolean[n + 1];
        int len = 0;
        boolean space = false;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            char f;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                width = 2;
                // rare ideographs and letters outside the BMP are real text: they stop a match; emoji are skipped
                f = Character.isLetterOrDigit(text.codePointAt(i)) ? CharFolding.BREAK : CharFolding.SKIP;
            } else {
                f = folding.fold(c);
            }
            if (f == CharFolding.SKIP) {
                space |= Character.isWhitespace(c) || Character.isSpaceChar(c);
            } else if (f == CharFolding.BREAK) {
                if (len > 0 && chars[len - 1] != CharFolding.BREAK) {
                    chars[len] = CharFolding.BREAK;
                    from[len] = i;
                    to[len] = i + width;
                    len++;
                }
                space = false;
            } else {
                chars[len] = f;
                from[len] = i;
                to[len] = i + width;
                gap[len] = space;
                len++;
                space = false;
            }
            i += width;
        }
        gap[len] = true;
        return new Skeleton(chars, len, from, to, gap);
    }

    /** True if a latin/digit word may begin at {@code i}: nothing alphanumeric joins it from the left. */
    boolean wordStartsAt(int i) {
        return i == 0 || gapBefore[i] || !isAlnum(chars[i - 1]);
    }

    /** True if a latin/digit word may end just before {@code i}. */
    boolean wordEndsAt(int i) {
        return i >= length || gapBefore[i] || !isAlnum(chars[i]);
    }

    static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
