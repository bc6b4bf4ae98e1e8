package org.openhotline.nlu.intent;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.nlu.pinyin.PinyinConverter;
import org.openhotline.nlu.pinyin.PinyinConverter.Syllable;

/**
 * Puts misheard or mistyped agent words back in writing (人公 → 人工, 客富 → 客服, 装人工 → 转人工) by
 * toneless pinyin (人 also as yin, and as rang in words of three syllables: 转让工), so that request
 * patterns written once in characters also read voice input. Words of three syllables or more also match
 * with zh/z, ch/c, sh/s and -ng/-n folded (装 for 转); two-syllable ones do not (庄街 is not 转接). A span
 * that is a dictionary word (克服, 证人, 作息) or whose last character makes one with the next (两人共同:
 * 共同) is left alone; spans keep their length.
 */
final class SpokenAgentWords {
    private final PinyinConverter pinyin;
    private final Map<String, String> wordByKey = new HashMap<>();
    private int longest;

    SpokenAgentWords(PinyinConverter pinyin, List<String> words) {
        this.pinyin = pinyin;
        for (String w : words) {
            List<String> s = pinyin.syllables(w);
            if (s.size() != w.length() || w.length() < 2) continue; // only all-Chinese words of two or more syllables
            // northern accents say 人 as yin (转银工), and recognisers write what they hear; in longer words
            // they also hear rang (转让工): 转让 alone is a word, so two-syllable spans keep their meaning
            List<String> yin = s.stream().map(x -> x.equals("ren") ? "yin" : x).toList();
            List<String> rang = s.stream().map(x -> x.equals("ren") ? "rang" : x).toList();
            for (List<String> variant : List.of(s, yin, rang)) {
                if (variant == rang && variant.size() < 3) continue;
                wordByKey.putIfAbsent(key(variant, 0, variant.size()), w);
                if (variant.size() >= 3) wordByKey.putIfAbsent(foldedKey(variant, 0, variant.size()), w);
            }
            longest = Math.max(longest, w.length());
        }
    }

    /** The text with sound-alike spans of the words replaced by the words; the text itself when none is found. */
    String restore(String text) {
        if (text.isEmpty() || wordByKey.isEmpty()) return text;
        List<Syllable> spans = pinyin.spans(text);
        List<String> syllables = spans.stream().map(Syllable::text).toList();
        StringBuilder out = null;
        int i = 0;
        outer:
        while (i < spans.size()) {
            for (int len = Math.min(longest, spans.size() - i); len >= 2; len--) {
                if (!contiguousHan(spans, i, len)) continue;
                String word = wordByKey.get(key(syllables, i, i + len));
                if (word == null && len >= 3) word = wordByKey.get(foldedKey(syllables, i, i + len));
                if (word == null) continue;
                int start = spans.get(i).start(), end = spans.get(i + len - 1).end();
                String written = text.substring(start, end);
                if (!written.equals(word) && !isWord(written) && !joinsNext(text, end)) {
                    if (out == null) out = new StringBuilder(text);
                    out.replace(start, end, word);
                }
                i += len;
                continue outer;
            }
            i++;
        }
        return out == null ? text : out.toString();
    }

    private static boolean contiguousHan(List<Syllable> spans, int from, int len) {
        for (int k = from; k < from + len; k++) {
            Syllable s = spans.get(k);
            if (s.end() - s.start() != 1 || (k > from && spans.get(k - 1).end() != s.start())) return false;
        }
        return true;
    }

    /** Whether the span's last character and the next one make a word (人共 in 两人共同 is not a misheard 人工). */
    private static boolean joinsNext(String text, int end) {
        return end < text.length() && isWord(text.substring(end - 1, end + 1));
    }

    /** Whether HanLP's core dictionary lists {@code s}: a word of the language, not a mishearing. */
    static boolean isWord(String s) {
        return CoreDictionary.contains(s);
    }

    private static String key(List<String> syllables, int from, int to) {
        return String.join(" ", syllables.subList(from, to));
    }

    /** The syllables with retroflex initials and -ng finals folded, marked so they never equal an exact key. */
    private static String foldedKey(List<String> syllables, int from, int to) {
        StringBuilder sb = new StringBuilder("~");
        for (int k = from; k < to; k++) {
            String s = syllables.get(k);
            if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) s = s.charAt(0) + s.substring(2);
            if (s.endsWith("ng") && s.length() > 2 && "aei".indexOf(s.charAt(s.length() - 3)) >= 0) s = s.substring(0, s.length() - 1);
            sb.append(' ').append(s);
        }
        return sb.toString();
    }
}
