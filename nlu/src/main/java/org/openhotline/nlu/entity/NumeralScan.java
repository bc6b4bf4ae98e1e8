package org.openhotline.nlu.entity;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.nlu.text.ChineseNumerals;

/** The numbers written in a message, each read once from where it starts; shared by the quantity recognisers. */
final class NumeralScan {
    private NumeralScan() {}

    static List<ChineseNumerals.Numeral> numerals(ScanText t) {
        List<ChineseNumerals.Numeral> out = new ArrayList<>();
        String s = t.text();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean starts = DigitSequences.isArabic(c) || ChineseNumerals.isNumeralChar(c) || c == '半';
            if (!starts || (i > 0 && continuesNumber(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            ChineseNumerals.Numeral n = ChineseNumerals.match(s, i);
            if (n == null) {
                i++;
                continue;
            }
            out.add(n);
            i = Math.max(i + 1, n.end());
            // skip the rest of a long digit run so that a 10,000-digit number costs one pass
            while (i < s.length() && DigitSequences.isArabic(s.charAt(i))) i++;
        }
        return out;
    }

    private static boolean continuesNumber(char prev) {
        return DigitSequences.isArabic(prev) || ChineseNumerals.isNumeralChar(prev) || prev == '.';
    }

    static boolean isLatin(String s, int i) {
        if (i < 0 || i >= s.length()) return false;
        char c = s.charAt(i);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static String startsWithAny(String s, int at, String... words) {
        for (String w : words) if (s.startsWith(w, at)) return w;
        return null;
    }
}
