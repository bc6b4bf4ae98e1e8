package org.openhotline.nlu.entity;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.nlu.text.ChineseNumerals;

/**
 * Lengths of time, as ISO-8601 durations: 交了三年 → P3Y, 半年 → P6M, 一年半 → P1Y6M, 八年零三个月 → P8Y3M,
 * 三个月 → P3M, 十五天 → P15D, 半个月 → P15D, 一个星期 → P1W, 两个小时 → PT2H. Contribution years decide
 * pensions, so they are worth reading exactly. Not durations: 三月 (March), 每年, 三年级, 三天前, and a lone
 * 一个月 or 一年 that is a rate (一个月工资三千, 一年交多少) rather than a span.
 */
public final class DurationRecognizer implements EntityRecognizer {
    private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(200);
    private static final String[] NOT_A_SPAN_AFTER = {"前", "后", "以前", "以后", "之前", "之后", "级", "底", "初", "代", "度", "龄", "多"};
    private static final String ONE_SPAN_BEFORE = "了满过近有已拖晚等";

    private enum Unit {
        YEAR("年", false), MONTH("月", true), WEEK("星期", false), WEEK2("礼拜", false), WEEK3("周", false),
        DAY("天", false), HOUR("小时", false), HOUR2("钟头", true), MINUTE("分钟", false);

        final String word;
        final boolean needsGe; // 三个月, not 三月 (March)

        Unit(String word, boolean needsGe) {
            this.word = word;
            this.needsGe = needsGe;
        }
    }

    /** A count read with its unit: where it ends and whether 半 was added. */
    private record Part(Unit unit, BigDecimal count, int end) {}

    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        String s = text.text();
        for (ChineseNumerals.Numeral n : NumeralScan.numerals(text)) {
            if (n.kind() == ChineseNumerals.Kind.SPOKEN_DIGITS) continue;
            if (n.value().compareTo(MAX_COUNT) > 0 || n.value().signum() <= 0) continue;
            if (n.kind() == ChineseNumerals.Kind.ARABIC && n.value().scale() > 0) continue;
            char before = n.start() > 0 ? s.charAt(n.start() - 1) : ' ';
            if (before == '每' || before == '第') continue;
            if (n.kind() == ChineseNumerals.Kind.HALF && "上下前后".indexOf(before) >= 0) continue; // 上半年 is a period
            Part first = unitAfter(s, n.end(), n.value(), n.kind() == ChineseNumerals.Kind.HALF);
            if (first == null) continue;
            int end = first.end();
            List<Part> parts = new ArrayList<>(List.of(first));
            Part second = composite(s, first);
            if (second != null) {
                parts.add(second);
                end = second.end();
            }
            if (NumeralScan.startsWithAny(s, end, NOT_A_SPAN_AFTER) != null) continue;
            boolean one = parts.size() == 1 && first.count().compareTo(BigDecimal.ONE) == 0;
            if (one && ONE_SPAN_BEFORE.indexOf(before) < 0) continue; // 一个月工资, 一年交多少
            String iso = iso(parts);
            if (iso != null) out.add(new Entity(EntityType.DURATION, iso, n.start(), end, 0.85));
        }
        return out;
    }

    /** 年 | 个月 | (个)星期 | 天 | (个)小时 …, with a 半 before (一个半月) or after (一年半) it. */
    private static Part unitAfter(String s, int at, BigDecimal count, boolean isHalf) {
        int i = at;
        boolean ge = false;
        if (s.startsWith("个", i)) {
            ge = true;
            i++;
        }
        BigDecimal c = count;
        if (!isHalf && ge && s.startsWith("半", i)) { // 一个半月
            c = c.add(new BigDecimal("0.5"));
            i++;
        }
        for (Unit u : Unit.values()) {
            if (!s.startsWith(u.word, i)) continue;
            if (u.needsGe && !ge && !(isHalf && u == Unit.MONTH)) return null;
            if (ge && (u == Unit.YEAR || u == Unit.DAY || u == Unit.WEEK3 || u == Unit.MINUTE)) return null;
            int end = i + u.word.length();
            if (u == Unit.WEEK3 && end < s.length() && "一二三四五六日天末".indexOf(s.charAt(end)) >= 0) return null; // 两周三
            if (!isHalf && c.scale() == 0 && s.startsWith("半", end)) { // 一年半
                c = c.add(new BigDecimal("0.5"));
                end++;
            }
            return new Part(u, c, end);
        }
        return null;
    }

    /** 八年零三个月, 两个月零五天. */
    private static Part composite(String s, Part first) {
        if (first.count().scale() > 0 && first.count().stripTrailingZeros().scale() > 0) return null;
        int i = first.end();
        if (s.startsWith("零", i) || s.startsWith("又", i)) i++;
        ChineseNumerals.Numeral n = ChineseNumerals.match(s, i);
        if (n == null || n.kind() == ChineseNumerals.Kind.SPOKEN_DIGITS || n.value().compareTo(MAX_COUNT) > 0) return null;
        Part p = unitAfter(s, n.end(), n.value(), n.kind() == ChineseNumerals.Kind.HALF);
        if (p == null) return null;
        boolean smaller = (first.unit() == Unit.YEAR && p.unit() == Unit.MONTH)
                || (first.unit() == Unit.MONTH && p.unit() == Unit.DAY)
                || (first.unit() == Unit.DAY && (p.unit() == Unit.HOUR || p.unit() == Unit.HOUR2));
        return smaller ? p : null;
    }

    private static String iso(List<Part> parts) {
        BigDecimal y = BigDecimal.ZERO, mo = BigDecimal.ZERO, w = BigDecimal.ZERO, d = BigDecimal.ZERO, h = BigDecimal.ZERO, mi = BigDecimal.ZERO;
        BigDecimal half = new BigDecimal("0.5");
        for (Part p : parts) {
            BigDecimal whole = p.count().setScale(0, java.math.RoundingMode.DOWN);
            boolean hasHalf = p.count().subtract(whole).compareTo(half) == 0;
            if (p.count().subtract(whole).signum() != 0 && !hasHalf) return null; // 1.3年: say it in months instead
            switch (p.unit()) {
                case YEAR -> { y = y.add(whole); if (hasHalf) mo = mo.add(BigDecimal.valueOf(6)); }
                case MONTH -> { mo = mo.add(whole); if (hasHalf) d = d.add(BigDecimal.valueOf(15)); }
                case WEEK, WEEK2, WEEK3 -> {
                    if (hasHalf) { d = d.add(p.count().multiply(BigDecimal.valueOf(7)).setScale(0, java.math.RoundingMode.DOWN)); h = h.add(BigDecimal.valueOf(12)); }
                    else w = w.add(whole);
                }
                case DAY -> { d = d.add(whole); if (hasHalf) h = h.add(BigDecimal.valueOf(12)); }
                case HOUR, HOUR2 -> { h = h.add(whole); if (hasHalf) mi = mi.add(BigDecimal.valueOf(30)); }
                case MINUTE -> mi = mi.add(whole);
            }
        }
        StringBuilder b = new StringBuilder("P");
        if (y.signum() > 0) b.append(y).append('Y');
        if (mo.signum() > 0) b.append(mo).append('M');
        if (w.signum() > 0) b.append(w).append('W');
        if (d.signum() > 0) b.append(d).append('D');
        if (h.signum() > 0 || mi.signum() > 0) {
            b.append('T');
            if (h.signum() > 0) b.append(h).append('H');
            if (mi.signum() > 0) b.append(mi).append('M');
        }
        return b.length() == 1 ? null : b.toString();
    }
}
