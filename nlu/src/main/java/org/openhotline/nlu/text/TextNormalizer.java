package org.openhotline.nlu.text;

import com.hankcs.hanlp.HanLP;
import java.util.function.Supplier;
import org.openhotline.nlu.lexicon.TypoDictionary;

/**
 * Brings citizen input to one canonical form before segmentation: half-width letters and digits,
 * simplified characters, lower case, no emoji or control characters, single spaces, no repeated
 * punctuation, known domain typos corrected (公基金 → 公积金) and spoken or Chinese numbers written as digits
 * (二零二四年三月 → 2024年3月). Input longer than {@link #maxChars} is cut so that one huge message cannot stall a worker.
 */
public final class TextNormalizer {
    public static final int DEFAULT_MAX_CHARS = 2000;

    private final int maxChars;
    private final Supplier<TypoDictionary> typos;

    public TextNormalizer() {
        this(DEFAULT_MAX_CHARS);
    }

    public TextNormalizer(int maxChars) {
        this(maxChars, TypoDictionary.bundled());
    }

    public TextNormalizer(int maxChars, TypoDictionary typos) {
        this(maxChars, constant(typos));
    }

    /**
     * Corrects typos with whatever dictionary {@code typos} gives at each call, so a long-lived normaliser
     * follows the live knowledge-base version's corrections (the ones its index was built with).
     */
    public TextNormalizer(int maxChars, Supplier<TypoDictionary> typos) {
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be positive");
        this.maxChars = maxChars;
        this.typos = java.util.Objects.requireNonNull(typos, "typos");
    }

    private static Supplier<TypoDictionary> constant(TypoDictionary typos) {
        java.util.Objects.requireNonNull(typos, "typos");
        return () -> typos;
    }

    /** The typo corrections this normaliser applies now. */
    public TypoDictionary typos() {
        return typos.get();
    }

    public NormalizedText normalize(String input) {
        String original = input == null ? "" : input;
        boolean truncated = original.length() > maxChars;
        String text = truncated ? original.substring(0, safeCut(original, maxChars)) : original;
        StringBuilder out = new StringBuilder(text.length());
        char lastPunct = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            cp = toHalfWidth(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (isDropped(cp)) continue;
            if (isPunctuation(cp)) {
                if (cp == lastPunct) continue; // "？？？" → "？"
                lastPunct = (char) cp;
            } else {
                lastPunct = 0;
            }
            if (pendingSpace) {
                // a space only separates latin words or digits; between Chinese characters it is noise
                if (isLatinOrDigit(lastCodePoint(out)) && isLatinOrDigit(cp)) out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(Character.toLowerCase(cp));
        }
        String simplified = HanLP.convertToSimplifiedChinese(out.toString());
        String corrected = typos.get().correct(simplified);
        return new NormalizedText(original, NumeralRewriter.rewrite(corrected), truncated);
    }

    private static int safeCut(String s, int at) {
        return Character.isHighSurrogate(s.charAt(at - 1)) ? at - 1 : at;
    }

    private static int lastCodePoint(StringBuilder sb) {
        return sb.length() == 0 ? 0 : sb.codePointBefore(sb.length());
    }

    static int toHalfWidth(int cp) {
        if (cp == 0x3000) return ' ';
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            int ascii = cp - 0xFEE0;
            // keep full-width Chinese-style punctuation as it is read the same; convert letters and digits
            if (Character.isLetterOrDigit(ascii)) return ascii;
        }
        return cp;
    }

    private static boolean isDropped(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) return true;
        if (type == Character.OTHER_SYMBOL) return true; // emoji and pictographs
        // skin tones (👍🏻) are modifier symbols, and the keycap mark (1️⃣) an enclosing mark: both belong to an emoji
        if (Character.isEmojiModifier(cp) || cp == 0x20E3) return true;
        return cp >= 0xFE00 && cp <= 0xFE0F; // variation selectors
    }

    private static boolean isPunctuation(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.CONNECTOR_PUNCTUATION || type == Character.MATH_SYMBOL;
    }

    private static boolean isLatinOrDigit(int cp) {
        return cp < 0x80 && Character.isLetterOrDigit(cp);
    }

    public int maxChars() {
        return maxChars;
    }
}
