package org.openhotline.voice.tts;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.List;

/**
 * Chinese text as the tone-numbered pinyin espeak-ng's {@code cmn-latn-pinyin} voice reads ("你好" → "ni3 hao3").
 * HanLP picks each character's reading in word context (银行 háng, 行走 xíng). Digits are read as numbers
 * ({@link ChineseNumbers}); sentence punctuation becomes a pause; Latin words pass through.
 */
public final class PinyinText {
    private PinyinText() {}

    public static String of(String text) {
        String normalised = ChineseNumbers.spellOut(text);
        List<Pinyin> readings = HanLP.convertToPinyinList(normalised);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            Pinyin p = i < readings.size() ? readings.get(i) : Pinyin.none5;
            if (p != Pinyin.none5 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                space(out).append(p.name());
            } else if ("，、；：,;:".indexOf(c) >= 0) {
                out.append(" ,");
            } else if ("。！？!?.\n".indexOf(c) >= 0) {
                out.append(" .");
            } else if (Character.isLetter(c) && c < 0x80) {
                if (i == 0 || !Character.isLetter(normalised.charAt(i - 1))) space(out);
                out.append(Character.toLowerCase(c));
            } else if (!Character.isWhitespace(c)) {
                space(out);
            }
        }
        return out.toString().strip();
    }

    private static StringBuilder space(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') out.append(' ');
        return out;
    }
}
