package org.openhotline.nlu.entity;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.nlu.text.ChineseNumerals;

/**
 * Sums of money, as yuan in a plain number string: with a currency word (2000元, 800块, 8万元), a Chinese
 * amount with a magnitude (三千五, 1.2万, 两万三 — citizens leave the 元 out), or a bare Arabic number right after
 * a paying word (花了5800, 只有900). Approximate sums (八百多) and counts (三十多个人, 3号楼) are not money.
 */
public final class MoneyRecognizer implements EntityRecognizer {
    private static final String[] CURRENCY = {"块钱", "元钱", "元", "块", "圆"};
    private static final String[] APPROX = {"多", "余", "来", "几", "左右"};
    private static final String[] COUNTS = {
        "个", "人", "名", "位", "次", "天", "年", "月", "日", "号", "岁", "平", "米", "公里", "里", "斤", "克", "条", "件",
        "份", "户", "家", "间", "套", "层", "楼", "期", "张", "本", "分", "度", "小时", "字", "点", "周", "星期", "礼拜",
        "倍", "%", "％", "级", "栋", "单元", "路", "届", "辆", "台", "元素",
    };
    private static final String[] CUES = {
        "花了", "花", "交了", "交", "缴了", "缴", "只有", "扣了", "扣", "工资", "付了", "付", "收了", "收", "罚款", "罚了",
        "赔", "领了", "领", "报了", "欠了", "欠", "退了", "存了", "补了", "总共", "一共", "合计", "共", "到账", "金额",
    };

    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        String s = text.text();
        for (ChineseNumerals.Numeral n : NumeralScan.numerals(text)) {
            if (n.kind() == ChineseNumerals.Kind.SPOKEN_DIGITS || n.kind() == ChineseNumerals.Kind.HALF) continue;
            if (NumeralScan.isLatin(s, n.start() - 1) || NumeralScan.isLatin(s, n.end())) continue;
            if (n.start() > 0 && "-/:：".indexOf(s.charAt(n.start() - 1)) >= 0) continue;
            if (n.kind() == ChineseNumerals.Kind.ARABIC && n.digits() != null && n.digits().replace(".", "").length() > 9) continue;
            String currency = NumeralScan.startsWithAny(s, n.end(), CURRENCY);
            if (currency != null) {
                out.add(money(n, n.end() + currency.length(), 0.95));
                continue;
            }
            if (NumeralScan.startsWithAny(s, n.end(), APPROX) != null || NumeralScan.startsWithAny(s, n.end(), COUNTS) != null) continue;
            String written = s.substring(n.start(), n.end());
            boolean magnitude = written.indexOf('万') >= 0 || written.indexOf('千') >= 0 || written.indexOf('百') >= 0
                    || written.indexOf('亿') >= 0;
            if (magnitude) {
                out.add(money(n, n.end(), 0.75));
            } else if (n.kind() == ChineseNumerals.Kind.ARABIC && n.digits() != null && n.digits().length() >= 2
                    && n.digits().length() <= 8 && !followedByNumberPunctuation(s, n.end()) && cueBefore(s, n.start())) {
                out.add(money(n, n.end(), 0.6));
            }
        }
        return out;
    }

    private static Entity money(ChineseNumerals.Numeral n, int end, double confidence) {
        return new Entity(EntityType.MONEY, plain(n.value()), n.start(), end, confidence);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static boolean followedByNumberPunctuation(String s, int at) {
        return at + 1 < s.length() && "-/.:".indexOf(s.charAt(at)) >= 0 && DigitSequences.isArabic(s.charAt(at + 1));
    }

    /** A paying word within the five characters before the number (交社保1200, 只有900, 花了5800). */
    private static boolean cueBefore(String s, int start) {
        int from = Math.max(0, start - 5);
        String window = s.substring(from, start);
        for (String cue : CUES) if (window.contains(cue)) return true;
        return false;
    }
}
