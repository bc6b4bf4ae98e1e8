package org.openhotline.bot.hours;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One opening window within a day, in minutes since midnight, end exclusive; {@code 24:00} is allowed as the end
 * so that "open all day" is one window. A window never crosses midnight: a night shift is two windows.
 *
 * @param from minute of the day the window opens, 0..1439
 * @param to   minute of the day it closes, from+1..1440
 */
public record TimeWindow(int from, int to) implements Comparable<TimeWindow> {
    public static final TimeWindow ALL_DAY = new TimeWindow(0, 24 * 60);
    private static final Pattern FORM = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–~至]\\s*(\\d{1,2}):(\\d{2})");

    public TimeWindow {
        if (from < 0 || from >= 24 * 60 || to <= from || to > 24 * 60) {
            throw new IllegalArgumentException("a window opens before it closes, within one day: " + hhmm(from) + "-" + hhmm(to));
        }
    }

    /** {@code "08:30-12:00"}, or {@code "24h"} / {@code "全天"} for the whole day; IllegalArgumentException saying what was expected. */
    public static TimeWindow parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.equalsIgnoreCase("24h") || s.equals("全天") || s.equals("00:00-24:00")) return ALL_DAY;
        Matcher m = FORM.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("'" + s + "' is not a window like 08:30-12:00 (or 24h)");
        int fh = Integer.parseInt(m.group(1)), fm = Integer.parseInt(m.group(2));
        int th = Integer.parseInt(m.group(3)), tm = Integer.parseInt(m.group(4));
        if (fh > 23 || fm > 59 || th > 24 || tm > 59 || (th == 24 && tm != 0)) throw new IllegalArgumentException("'" + s + "' has a time that does not exist");
        int from = fh * 60 + fm, to = th * 60 + tm;
        if (to <= from) {
            throw new IllegalArgumentException("'" + s + "' closes before it opens; split a night window at midnight (22:00-24:00 and 00:00-06:00)");
        }
        return new TimeWindow(from, to);
    }

    /** Several windows from a comma-separated text (as an environment variable gives a list); sorted, overlaps refused. */
    public static List<TimeWindow> parseAll(List<String> texts) {
        List<TimeWindow> out = new ArrayList<>();
        for (String t : texts) {
            for (String part : t.split("[,，]")) if (!part.isBlank()) out.add(parse(part));
        }
        return sortedWithoutOverlap(out);
    }

    static List<TimeWindow> sortedWithoutOverlap(List<TimeWindow> windows) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from < sorted.get(i - 1).to) throw new IllegalArgumentException("windows " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
        }
        return List.copyOf(sorted);
    }

    /** True when the second of the day {@code secondOfDay} falls inside. */
    public boolean contains(int secondOfDay) {
        return secondOfDay >= from * 60 && secondOfDay < to * 60;
    }

    public LocalTime start() {
        return LocalTime.of(from / 60, from % 60);
    }

    @Override
    public int compareTo(TimeWindow o) {
        return Integer.compare(from, o.from);
    }

    @Override
    public String toString() {
        return hhmm(from) + "-" + hhmm(to);
    }

    static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
