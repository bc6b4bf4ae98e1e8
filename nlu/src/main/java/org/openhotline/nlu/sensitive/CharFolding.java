package org.openhotline.nlu.sensitive;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-character tables that make evasions meet the lexicon: every BMP char folds to its half-width,
 * lower-case, simplified form, or is skipped (symbols and spaces people insert: 法 * 轮), or breaks a
 * match (sentence punctuation, line ends, so words never join across sentences). Chinese characters
 * also get their toneless pinyin syllable. Built once from HanLP; lookups are array reads.
 */
final class CharFolding {
    /** Folded value of a char that is left out of the skeleton. */
    static final char SKIP = 0;
    /** Folded value of a char that ends any match; also the separator in the skeleton. */
    static final char BREAK = 1;
    /** No pinyin syllable. */
    static final short NO_SYLLABLE = -1;

    private static final String HARD_BREAKS = "。，！？；：、\n\r\u2028\u2029,;!?";

    private final char[] fold = new char[65536];
    private final short[] syllable = new short[65536];
    private final String[] syllableNames;
    private final Map<String, Short> syllableIds;

    private static final class Holder {
        static final CharFolding INSTANCE = new CharFolding();
    }

    static CharFolding get() {
        return Holder.INSTANCE;
    }

    private CharFolding() {
        Map<String, Short> ids = new HashMap<>();
        for (Pinyin p : Pinyin.values()) {
            if (p == Pinyin.none5) continue;
            ids.putIfAbsent(p.getPinyinWithoutTone(), (short) ids.size());
        }
        syllableIds = Map.copyOf(ids);
        syllableNames = new String[ids.size()];
        ids.forEach((k, v) -> syllableNames[v] = k);
        java.util.Arrays.fill(syllable, NO_SYLLABLE);
        for (int c = 0; c < 65536; c++) fold[c] = computeFold((char) c);
        for (int c = 0; c < 65536; c++) {
            char f = fold[c];
            if (f > BREAK && Character.isIdeographic(f) && syllable[f] == NO_SYLLABLE) {
                List<Pinyin> py = HanLP.convertToPinyinList(String.valueOf(f));
                if (py.size() == 1 && py.get(0) != Pinyin.none5) {
                    Short id = syllableIds.get(py.get(0).getPinyinWithoutTone());
                    if (id != null) syllable[f] = id;
                }
            }
        }
    }

    private static char computeFold(char c) {
        if (Character.isSurrogate(c)) return SKIP;
        if (HARD_BREAKS.indexOf(c) >= 0) return BREAK;
        int cp = c;
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0; // full-width ASCII
        if (HARD_BREAKS.indexOf(cp) >= 0) return BREAK;
        if (!Character.isLetterOrDigit(cp)) return SKIP; // spaces, symbols, marks, controls, emoji parts
        cp = Character.toLowerCase(cp);
        if (Character.isIdeographic(cp)) {
            String s = HanLP.convertToSimplifiedChinese(String.valueOf((char) cp));
            if (s.length() == 1) cp = s.charAt(0);
        }
        return cp <= BREAK ? SKIP : (char) cp;
    }

    /** The folded form of {@code c}, or {@link #SKIP} or {@link #BREAK}. */
    char fold(char c) {
        return fold[c];
    }

    /** The syllable id of a folded Chinese character, or {@link #NO_SYLLABLE}. */
    short syllable(char folded) {
        return syllable[folded];
    }

    /** The id of a toneless syllable such as "lun", or {@link #NO_SYLLABLE} if it is not pinyin. */
    short syllableId(String s) {
        Short id = syllableIds.get(s);
        return id == null ? NO_SYLLABLE : id;
    }

    String syllableName(int id) {
        return syllableNames[id];
    }

    int syllableCount() {
        return syllableNames.length;
    }

    /** Folds a lexicon or whitelist word the way message text is folded; breaks become nothing. */
    String foldWord(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char f = fold[word.charAt(i)];
            if (f > BREAK) sb.append(f);
        }
        return sb.toString();
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z');
    }
}
