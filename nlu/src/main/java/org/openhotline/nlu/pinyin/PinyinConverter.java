package org.openhotline.nlu.pinyin;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.ArrayList;
import java.util.List;

/**
 * Toneless pinyin per character, so that speech-recognition homophones (一保/医保, 公鸡金/公积金) meet
 * on the same syllables. Non-Chinese characters pass through as themselves; punctuation is dropped.
 */
public final class PinyinConverter {

    /** A syllable (or latin/digit run) and the characters of the text it was read from, end exclusive. */
    public record Syllable(String text, int start, int end) {}

    /** One syllable (or latin/digit run) per position, in order. */
    public List<String> syllables(String text) {
        List<String> out = new ArrayList<>();
        for (Syllable s : spans(text)) out.add(s.text());
        return out;
    }

    /** {@link #syllables} with where each one stands in {@code text}, for token offsets. */
    public List<Syllable> spans(String text) {
        List<Syllable> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        List<Pinyin> pinyins = HanLP.convertToPinyinList(text);
        StringBuilder latin = new StringBuilder();
        int latinStart = 0;
        for (int i = 0; i < text.length() && i < pinyins.size(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                if (latin.length() == 0) latinStart = i;
                latin.append(Character.toLowerCase(c));
                continue;
            }
            flush(latin, latinStart, out);
            Pinyin p = pinyins.get(i);
            if (p != Pinyin.none5 && Character.isIdeographic(c)) out.add(new Syllable(p.getPinyinWithoutTone(), i, i + 1));
        }
        flush(latin, latinStart, out);
        return out;
    }

    private static void flush(StringBuilder latin, int start, List<Syllable> out) {
        if (latin.length() > 0) {
            out.add(new Syllable(latin.toString(), start, start + latin.length()));
            latin.setLength(0);
        }
    }

    /**
     * Folds the confusions of southern and spoken Mandarin that ASR makes too: zh/z, ch/c, sh/s, n/l,
     * f/h, and the -ng finals (ing/in, eng/en, ang/an). Used on both sides of a match, never shown.
     */
    public static String fuzzy(String syllable) {
        String s = syllable;
        if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) s = s.charAt(0) + s.substring(2);
        else if (s.startsWith("n") && s.length() > 1 && !s.equals("ng")) s = "l" + s.substring(1);
        else if (s.startsWith("f")) s = "h" + s.substring(1);
        if (s.endsWith("ng") && s.length() > 2 && "aei".indexOf(s.charAt(s.length() - 3)) >= 0) s = s.substring(0, s.length() - 1);
        return s;
    }
}
