package org.openhotline.nlu.text;

import java.util.Set;

/**
 * Writes the numbers in a normalised message as Arabic digits (二零二四年三月 → 2024年3月, 幺三八幺二三四五六七八 →
 * 13812345678, 交了三年 → 交了3年) so that a question reads the same however the number was said, and leaves
 * the words that merely contain a numeral character (一起, 一下, 万一, 三峡, 一卡通, 十分, 千万) alone.
 */
final class NumeralRewriter {
    /** What may follow a one-character numeral for it to be a quantity (三年, 五号) rather than part of a word. */
    private static final String[] MEASURES = {
        "个工作日", "个小时", "个星期", "个礼拜", "个月", "小时", "分钟", "星期", "礼拜", "工作日", "号楼", "单元",
        "年", "月", "日", "号", "天", "岁", "元", "块", "次", "周", "倍", "栋", "层", "楼", "期", "档", "秒", "斤", "公里",
    };
    /** Words where a numeral and a measure make an idiom, not a quantity. */
    private static final Set<String> IDIOMS = Set.of("一次性", "一天到晚", "三天两头", "一年到头", "一日游", "一月份儿", "一天天");

    private NumeralRewriter() {}

    static String rewrite(String text) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean runStart = ChineseNumerals.isNumeralChar(c)
                    && (i == 0 || !ChineseNumerals.isNumeralChar(text.charAt(i - 1)));
            if (!runStart) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < text.length() && ChineseNumerals.isNumeralChar(text.charAt(runEnd))) runEnd++;
            String digits = convert(text, i, runEnd);
            if (digits != null) {
                if (out == null) out = new StringBuilder(text.length());
                out.append(text, copied, i).append(digits);
                copied = runEnd;
            }
            i = runEnd;
        }
        if (out == null) return text;
        return out.append(text, copied, text.length()).toString();
    }

    /** The digits for the numeral run [start, end), or null to leave it as written. */
    private static String convert(String text, int start, int end) {
        if (end - start > ChineseNumerals.MAX_LENGTH) return null;
        ChineseNumerals.Numeral n = ChineseNumerals.match(text, start);
        if (n == null || n.end() != end) return null; // 一二三十, 万一, 千万: not one clean number
        int len = end - start;
        boolean measure = measureAt(text, end) && !idiomAt(text, start);
        if (n.kind() == ChineseNumerals.Kind.SPOKEN_DIGITS) {
            String s = n.digits();
            boolean hasZeroOrYao = text.substring(start, end).chars().anyMatch(ch -> ch == '零' || ch == '〇' || ch == '幺');
            boolean year = len == 4 && end < text.length() && text.charAt(end) == '年';
            // 三三两两, 七七八八 are idioms; a phone number or a year is long, or has a 零 or a 幺 in it
            if (year || len >= 5 || (len >= 3 && hasZeroOrYao)) return s;
            return null;
        }
        if (len == 1) return measure ? n.value().toPlainString() : null; // 三年 but not 一起
        return n.value().stripTrailingZeros().toPlainString();
    }

    private static boolean measureAt(String text, int at) {
        for (String m : MEASURES) if (text.startsWith(m, at)) return true;
        return false;
    }

    private static boolean idiomAt(String text, int at) {
        for (String idiom : IDIOMS) if (text.startsWith(idiom, at)) return true;
        return false;
    }
}
