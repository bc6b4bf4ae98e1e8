package org.openhotline.nlu.text;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads the numbers citizens write and speak: positional Chinese numerals (三千五, 一万二, 二十三, 一百零五),
 * spoken digit strings (二零二四, 幺三八 — 幺 is 1, 两 is 2), Arabic numbers with a Chinese magnitude (1.2万)
 * and 半. Never throws and looks at no more than {@link #MAX_LENGTH} characters, whatever the input.
 */
public final class ChineseNumerals {
    /** The longest numeral read; anything longer is not a number a citizen says. */
    public static final int MAX_LENGTH = 32;

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private ChineseNumerals() {}

    /** A numeral found in a text; {@code digits} holds the digit string when it was spoken digit by digit. */
    public record Numeral(int start, int end, BigDecimal value, String digits, Kind kind) {
        public int length() {
            return end - start;
        }
    }

    /** How a numeral was written. */
    public enum Kind {
        /** 二零二四, 幺三八: one character a digit, leading zeros kept in {@code digits}. */
        SPOKEN_DIGITS,
        /** 三千五, 二十三, 五: Chinese digits with 十 百 千 万 亿. */
        POSITIONAL,
        /** 1200, 1.2万: Arabic digits, maybe with a Chinese magnitude. */
        ARABIC,
        /** 半. */
        HALF
    }

    /** The value of the whole string as one numeral, or empty. */
    public static Optional<BigDecimal> parse(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH) return Optional.empty();
        Numeral n = match(s, 0);
        return n != null && n.end() == s.length() ? Optional.of(n.value()) : Optional.empty();
    }

    /** The longest numeral starting exactly at {@code from}, or null. */
    public static Numeral match(CharSequence s, int from) {
        if (s == null || from < 0 || from >= s.length()) return null;
        try {
            char c = s.charAt(from);
            if (c == '半') return new Numeral(from, from + 1, HALF, null, Kind.HALF);
            if (c >= '0' && c <= '9') return matchArabic(s, from);
            if (digitOf(c) >= 0 || c == '十') return matchChinese(s, from);
            return null;
        } catch (ArithmeticException | NumberFormatException e) {
            return null; // out of range: not a number anyone means
        }
    }

    /** The digit a Chinese or Arabic digit character stands for (零〇 0, 一幺 1, 二两 2 …), or -1. */
    public static int digitOf(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '幺' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /** True for a Chinese digit character (not an Arabic one). */
    public static boolean isChineseDigit(char c) {
        return !(c >= '0' && c <= '9') && digitOf(c) >= 0;
    }

    /** 十 百 千 → 10 100 1000, 万 亿 → 10^4 10^8, otherwise 0. */
    public static long unitOf(char c) {
        return switch (c) {
            case '十' -> 10L;
            case '百' -> 100L;
            case '千' -> 1000L;
            case '万' -> 10_000L;
            case '亿' -> 100_000_000L;
            default -> 0L;
        };
    }

    /** True for any character that can be part of a Chinese numeral. */
    public static boolean isNumeralChar(char c) {
        return isChineseDigit(c) || unitOf(c) > 0;
    }

    private static Numeral matchArabic(CharSequence s, int from) {
        int limit = Math.min(s.length(), from + MAX_LENGTH);
        int i = from;
        while (i < limit && isAscii(s.charAt(i))) i++;
        if (i - from > 18) return null; // an account or card number, not a quantity
        int intEnd = i;
        if (i + 1 < limit && s.charAt(i) == '.' && isAscii(s.charAt(i + 1))) {
            i++;
            while (i < limit && isAscii(s.charAt(i))) i++;
            if (i - intEnd > 7) i = intEnd; // a version or date fragment, keep the integer part
        }
        String raw = s.subSequence(from, i).toString();
        BigDecimal value = new BigDecimal(raw);
        if (i < s.length() && (s.charAt(i) == '万' || s.charAt(i) == '亿')) {
            value = value.multiply(BigDecimal.valueOf(unitOf(s.charAt(i))));
            return new Numeral(from, i + 1, value, null, Kind.ARABIC);
        }
        return new Numeral(from, i, value, raw, Kind.ARABIC);
    }

    private static Numeral matchChinese(CharSequence s, int from) {
        int limit = Math.min(s.length(), from + MAX_LENGTH);
        // a run of bare digits not followed by a unit is read digit by digit: 二零二四, 幺三八
        int run = from;
        while (run < limit && isChineseDigit(s.charAt(run))) run++;
        boolean unitFollows = run < s.length() && unitOf(s.charAt(run)) > 0;
        if (run - from >= 2 && !unitFollows) {
            StringBuilder digits = new StringBuilder(run - from);
            for (int i = from; i < run; i++) digits.append((char) ('0' + digitOf(s.charAt(i))));
            return new Numeral(from, run, new BigDecimal(digits.toString()), digits.toString(), Kind.SPOKEN_DIGITS);
        }
        return matchPositional(s, from, limit);
    }

    private static Numeral matchPositional(CharSequence s, int from, int limit) {
        long total = 0;       // the part already multiplied by 万 or 亿
        long section = 0;     // the part below the last 万 or 亿
        int pending = -1;     // a digit waiting for its unit
        long lastSmall = 0;   // the last of 十 百 千 in this section, units must fall
        long lastBig = 0;     // the last of 万 亿, they must fall too
        long prevUnit = 0;    // the unit right before the pending digit, for 三千五 = 3500
        boolean zeroSeen = false;
        int end = from;       // after the last character that left a complete number
        long committed = -1;  // the value at {@code end}
        int i = from;
        for (; i < limit; i++) {
            char c = s.charAt(i);
            int d = digitOf(c);
            long unit = unitOf(c);
            if (d == 0 && isChineseDigit(c)) {
                if (pending >= 0) break;
                zeroSeen = true;
                prevUnit = 0;
                continue;
            }
            if (d > 0 && isChineseDigit(c)) {
                if (pending >= 0) break;
                pending = d;
                long v = Math.addExact(Math.addExact(total, section),
                        zeroSeen || prevUnit == 0 ? d : Math.multiplyExact(d, Math.max(1, prevUnit / 10)));
                end = i + 1;
                committed = v;
                continue;
            }
            if (unit >= 10 && unit <= 1000) {
                int digit = pending;
                if (digit < 0) {
                    boolean leadingTen = unit == 10 && (i == from || zeroSeen || prevUnit >= 10_000);
                    if (!leadingTen) break;
                    digit = 1;
                }
                if (lastSmall != 0 && unit >= lastSmall) break;
                section = Math.addExact(section, Math.multiplyExact(digit, unit));
                pending = -1;
                lastSmall = unit;
                prevUnit = unit;
                zeroSeen = false;
                end = i + 1;
                committed = Math.addExact(total, section);
                continue;
            }
            if (unit >= 10_000) {
                if (pending >= 0) {
                    section = Math.addExact(section, pending);
                    pending = -1;
                }
                if (section == 0 || (lastBig != 0 && unit >= lastBig)) break;
                if (unit == 100_000_000L) {
                    total = Math.multiplyExact(Math.addExact(total, section), unit);
                } else {
                    total = Math.addExact(total, Math.multiplyExact(section, unit));
                }
                section = 0;
                lastSmall = 0;
                lastBig = unit;
                prevUnit = unit;
                zeroSeen = false;
                end = i + 1;
                committed = total;
                continue;
            }
            break;
        }
        if (committed < 0) return null;
        BigDecimal value = BigDecimal.valueOf(committed);
        // 一点五, 三点五万
        if (end + 1 < limit && s.charAt(end) == '点' && isChineseDigit(s.charAt(end + 1)) && (end - from) <= 2
                && lastBig == 0 && lastSmall == 0) {
            int j = end + 1;
            StringBuilder frac = new StringBuilder();
            while (j < limit && isChineseDigit(s.charAt(j))) frac.append((char) ('0' + digitOf(s.charAt(j++))));
            value = new BigDecimal(committed + "." + frac);
            end = j;
            if (end < s.length() && (s.charAt(end) == '万' || s.charAt(end) == '亿')) {
                value = value.multiply(BigDecimal.valueOf(unitOf(s.charAt(end))));
                end++;
            }
        }
        return new Numeral(from, end, value, null, Kind.POSITIONAL);
    }

    private static boolean isAscii(char c) {
        return c >= '0' && c <= '9';
    }
}
