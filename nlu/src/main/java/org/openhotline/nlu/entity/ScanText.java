package org.openhotline.nlu.entity;

import com.hankcs.hanlp.HanLP;
import org.openhotline.nlu.lexicon.TypoDictionary;

/**
 * A message folded for matching without moving a single character: full-width letters and digits made
 * half-width, traditional characters simplified, same-length typos corrected, control characters and lone
 * surrogates blanked. Index i of {@link #text()} is index i of {@link #original()}, so every offset a
 * recogniser finds is an offset into what the citizen wrote.
 */
public final class ScanText {
    private final String original;
    private final String text;

    private ScanText(String original, String text) {
        this.original = original;
        this.text = text;
    }

    public static ScanText of(String original) {
        return of(original, TypoDictionary.bundled());
    }

    public static ScanText of(String original, TypoDictionary typos) {
        String o = original == null ? "" : original;
        char[] chars = o.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++; // a real supplementary character: keep both halves
                continue;
            }
            if (c == 0x3000) chars[i] = ' ';
            else if (c >= 0xFF01 && c <= 0xFF5E && Character.isLetterOrDigit(c - 0xFEE0)) chars[i] = (char) (c - 0xFEE0);
            else if (Character.isSurrogate(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) chars[i] = ' ';
        }
        String folded = new String(chars);
        String simplified = HanLP.convertToSimplifiedChinese(folded);
        if (simplified.length() != folded.length()) simplified = folded; // a phrase-level conversion moved offsets
        return new ScanText(o, typos.correctKeepingLength(simplified));
    }

    public String original() {
        return original;
    }

    /** The folded text, the same length as the original. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int i) {
        return text.charAt(i);
    }

    public boolean isCjk(int i) {
        return i >= 0 && i < text.length() && Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN;
    }

    public boolean startsWith(String s, int at) {
        return at >= 0 && text.startsWith(s, at);
    }
}
