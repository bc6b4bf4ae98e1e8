package org.openhotline.nlu.entity;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhotline.nlu.text.ChineseNumerals;

/**
 * Dates a citizen names, resolved against the moment of the message to an ISO yyyy-MM-dd value:
 * written dates (2024-03-05, 2024/3/5, 2024年3月5日, 二零二四年三月 → its first day, 3月5号 → this year),
 * relative days (今天 明天 后天 大后天 昨天 前天), weekdays (周六 → the next one, 这周五, 上周五, 下周三 —
 * weeks start on Monday), months (上个月 → its first day, 下个月10号, 月底) and year ends (今年年底, 去年年底).
 * A bare year (1958年) is not a date.
 */
public final class DateRecognizer implements EntityRecognizer {
    private static final String N = "[0-9零〇一二三四五六七八九十两]{1,3}";
    private static final String Y = "([0-9]{4}|[零〇一二三四五六七八九]{4})";
    private static final Pattern ISO = Pattern.compile("(?<![0-9])([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})(?![0-9])");
    private static final Pattern YMD = Pattern.compile(Y + "年(" + N + ")月(?:(" + N + ")[日号])?");
    private static final Pattern MD = Pattern.compile("(?<![0-9零〇一二三四五六七八九十两年])(" + N + ")月(" + N + ")[日号]");
    private static final Pattern REL_MONTH = Pattern.compile("(上|下|这|本)个?月(?:(" + N + ")[日号]|(底|初))?");
    private static final Pattern BARE_MONTH_EDGE = Pattern.compile("(?<![个上下这本0-9零〇一二三四五六七八九十两])月(底|初)");
    private static final Pattern YEAR_EDGE = Pattern.compile("(?:(今|去|明|前)年|([0-9]{4}))?年(底|初|末)");
    private static final Pattern DAY = Pattern.compile("大前天|大后天|前天|昨天|今天|明天|后天|今日|明日|昨日");
    private static final Pattern WEEKDAY = Pattern.compile("(上|下|这|本)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])");

    @Override
    public List<Entity> find(ScanText text, LocalDateTime now) {
        List<Entity> out = new ArrayList<>();
        String s = text.text();
        LocalDate today = now.toLocalDate();
        // each pattern needs a character most messages lack: skip the scans that cannot match
        boolean hasMonth = has(s, '月'), hasYear = has(s, '年');
        boolean hasSeparator = has(s, '-') || has(s, '/') || has(s, '.');
        boolean hasDay = has(s, '天') || has(s, '日'), hasWeek = has(s, '周') || has(s, '期') || has(s, '拜');
        Matcher m = ISO.matcher(s);
        while (hasSeparator && m.find()) add(out, m, date(num(m.group(1)), num(m.group(3)), num(m.group(4))), 0.95);
        m = YMD.matcher(s);
        while (hasYear && hasMonth && m.find()) {
            int day = m.group(3) == null ? 1 : num(m.group(3));
            add(out, m, date(num(m.group(1)), num(m.group(2)), day), 0.95);
        }
        m = MD.matcher(s);
        while (hasMonth && m.find()) add(out, m, date(today.getYear(), num(m.group(1)), num(m.group(2))), 0.9);
        m = REL_MONTH.matcher(s);
        while (hasMonth && m.find()) {
            LocalDate first = today.withDayOfMonth(1).plusMonths(monthShift(m.group(1)));
            LocalDate d = first;
            if (m.group(2) != null) d = date(first.getYear(), first.getMonthValue(), num(m.group(2)));
            else if ("底".equals(m.group(3))) d = first.with(TemporalAdjusters.lastDayOfMonth());
            add(out, m, d, 0.9);
        }
        m = BARE_MONTH_EDGE.matcher(s);
        while (hasMonth && m.find()) {
            add(out, m, "底".equals(m.group(1)) ? today.with(TemporalAdjusters.lastDayOfMonth()) : today.withDayOfMonth(1), 0.85);
        }
        m = YEAR_EDGE.matcher(s);
        while (hasYear && m.find()) {
            int year = m.group(2) != null ? num(m.group(2)) : today.getYear() + yearShift(m.group(1));
            add(out, m, "初".equals(m.group(3)) ? date(year, 1, 1) : date(year, 12, 31), 0.85);
        }
        m = DAY.matcher(s);
        while (hasDay && m.find()) add(out, m, today.plusDays(dayShift(m.group())), 0.95);
        m = WEEKDAY.matcher(s);
        while (hasWeek && m.find()) {
            if (m.group(1) == null && m.start() > 0 && (ChineseNumerals.isNumeralChar(s.charAt(m.start() - 1)) || s.charAt(m.start() - 1) == '个')) {
                continue; // 一周三次: a count of weeks, not a weekday
            }
            add(out, m, weekday(today, m.group(1), m.group(2)), 0.9);
        }
        return out;
    }

    private static boolean has(String s, char c) {
        return s.indexOf(c) >= 0;
    }

    private static void add(List<Entity> out, Matcher m, LocalDate d, double confidence) {
        if (d != null) out.add(new Entity(EntityType.DATE, d.toString(), m.start(), m.end(), confidence));
    }

    private static LocalDate weekday(LocalDate today, String which, String dayName) {
        int dow = switch (dayName) {
            case "一", "1" -> 1;
            case "二", "2" -> 2;
            case "三", "3" -> 3;
            case "四", "4" -> 4;
            case "五", "5" -> 5;
            case "六", "6" -> 6;
            default -> 7; // 日, 天, 7
        };
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (which == null) { // 周六: the coming one (today included)
            LocalDate d = monday.plusDays(dow - 1L);
            return d.isBefore(today) ? d.plusWeeks(1) : d;
        }
        int weeks = switch (which) {
            case "上" -> -1;
            case "下" -> 1;
            default -> 0;
        };
        return monday.plusWeeks(weeks).plusDays(dow - 1L);
    }

    private static int monthShift(String which) {
        return switch (which) {
            case "上" -> -1;
            case "下" -> 1;
            default -> 0;
        };
    }

    private static int yearShift(String which) {
        if (which == null) return 0;
        return switch (which) {
            case "去" -> -1;
            case "前" -> -2;
            case "明" -> 1;
            default -> 0;
        };
    }

    private static int dayShift(String word) {
        return switch (word) {
            case "大前天" -> -3;
            case "前天" -> -2;
            case "昨天", "昨日" -> -1;
            case "明天", "明日" -> 1;
            case "后天" -> 2;
            case "大后天" -> 3;
            default -> 0;
        };
    }

    /** A number written in Arabic or Chinese digits; -1 when it is not one. */
    private static int num(String s) {
        return ChineseNumerals.parse(s).map(BigDecimal::intValue).orElse(-1);
    }

    private static LocalDate date(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
