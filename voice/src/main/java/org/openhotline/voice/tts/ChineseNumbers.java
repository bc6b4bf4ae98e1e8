package org.openhotline.voice.tts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the Arabic numbers in Chinese text as characters the way a hotline reads them: hotline, phone and ID
 * numbers, years and anything with a leading zero digit by digit (12345 → 一二三四五, 2024年 → 二〇二四年), small
 * amounts as quantities (300 → 三百), decimals with 点, clock times as 点/分 (9:00-17:30 → 九点至十七点三十分) and
 * percentages as 百分之 — the forms service-hour and fee answers are written in.
 */
final class ChineseNumbers {
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)([01]?\\d|2[0-3])[:：]([0-5]\\d)(?!\\d)(\\s*[-－~～至]\\s*(?=\\d{1,2}[:：]))?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*[%％]");
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumbers() {}

    static String spellOut(String text) {
        return numbers(percents(times(text)));
    }

    private static String times(String text) {
        Matcher m = TIME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int minutes = Integer.parseInt(m.group(2));
            String spoken = quantity(Integer.parseInt(m.group(1))) + "点" + (minutes == 0 ? "" : quantity(minutes) + "分") + (m.group(3) == null ? "" : "至");
            m.appendReplacement(out, spoken);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String percents(String text) {
        Matcher m = PERCENT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, "百分之" + m.group(1));
        m.appendTail(out);
        return out.toString();
    }

    private static String numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = m.group();
            boolean year = text.startsWith("年", m.end());
            String integer = m.group(1) == null ? number : number.substring(0, number.indexOf('.'));
            String spoken = year || integer.length() > 4 || (integer.length() > 1 && integer.charAt(0) == '0') ? digits(integer) : quantity(Integer.parseInt(integer));
            if (m.group(1) != null) spoken += "点" + digits(m.group(1).substring(1));
            m.appendReplacement(out, spoken);
        }
        m.appendTail(out);
        return out.toString();
    }

    static String digits(String number) {
        StringBuilder out = new StringBuilder();
        for (char c : number.toCharArray()) out.append(DIGITS.charAt(c - '0'));
        return out.toString();
    }

    /** 0–9999 as a quantity: 10 → 十, 105 → 一百零五, 2000 → 两千. */
    static String quantity(int n) {
        if (n == 0) return "零";
        if (n >= 10 && n < 20) return "十" + (n % 10 == 0 ? "" : DIGITS.charAt(n % 10));
        String[] units = {"千", "百", "十", ""};
        int[] values = {1000, 100, 10, 1};
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            int d = n / values[i] % 10;
            if (d == 0) {
                zero = !out.isEmpty();
                continue;
            }
            if (zero) out.append('零');
            zero = false;
            out.append(d == 2 && (i == 0 || i == 1) && out.isEmpty() ? "两" : String.valueOf(DIGITS.charAt(d))).append(units[i]);
        }
        return out.toString();
    }
}
