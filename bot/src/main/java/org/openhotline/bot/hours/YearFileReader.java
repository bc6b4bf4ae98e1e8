package org.openhotline.bot.hours;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads one year file ({@code cn-2025.yml}): {@code year}, optional {@code source}, {@code holidays: [{name, from, to}]},
 * {@code workdays: [dates]}. Checks what a typo would break: dates that do not exist, a range that runs
 * backwards or outside its year, a make-up workday that is not a weekend, a date both off and worked.
 */
final class YearFileReader {
    static final int MAX_HOLIDAY_DAYS = 31;
    private static final Set<String> TOP_KEYS = Set.of("year", "source", "holidays", "workdays");
    private static final Set<String> HOLIDAY_KEYS = Set.of("name", "from", "to");

    private YearFileReader() {}

    /**
     * @param name     the file's name for messages
     * @param expected the year the file name promises, or 0 to take the file's {@code year}
     */
    static YearCalendar read(Reader in, String name, int expected) {
        LocatedYaml doc = LocatedYaml.read(in, name);
        if (doc.value() == null) throw new HoursConfigException(name + ": the file is empty");
        Map<String, LocatedYaml> top = doc.map(name, "the file");
        for (Map.Entry<String, LocatedYaml> e : top.entrySet()) {
            if (!TOP_KEYS.contains(e.getKey())) throw e.getValue().keyError(name, "unknown key '" + e.getKey() + "'; allowed: year, source, holidays, workdays");
        }
        LocatedYaml y = top.get("year");
        if (y == null && expected == 0) throw doc.error(name, "'year' is missing");
        int year = y == null ? expected : year(y, name);
        if (expected != 0 && year != expected) throw y.error(name, "year " + year + " does not match the file name (year " + expected + ")");
        String source = top.containsKey("source") && top.get("source").value() != null ? top.get("source").text(name, "'source'") : "";

        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        LocatedYaml hs = top.getOrDefault("holidays", LocatedYaml.empty(doc.line()));
        for (LocatedYaml h : hs.list(name, "'holidays'")) {
            Map<String, LocatedYaml> m = h.map(name, "a holiday");
            for (Map.Entry<String, LocatedYaml> e : m.entrySet()) {
                if (!HOLIDAY_KEYS.contains(e.getKey())) throw e.getValue().keyError(name, "unknown key '" + e.getKey() + "' in a holiday; allowed: name, from, to");
            }
            String holiday = required(m, h, "name", name).text(name, "'name'");
            LocatedYaml fromNode = required(m, h, "from", name);
            LocalDate from = date(fromNode, name);
            LocatedYaml toNode = m.getOrDefault("to", fromNode);
            LocalDate to = date(toNode, name);
            if (to.isBefore(from)) throw toNode.error(name, holiday + ": 'to' " + to + " is before 'from' " + from);
            if (from.plusDays(MAX_HOLIDAY_DAYS).isBefore(to)) throw toNode.error(name, holiday + ": more than " + MAX_HOLIDAY_DAYS + " days from " + from + " to " + to);
            if (Math.abs(from.getYear() - year) > 1 || Math.abs(to.getYear() - year) > 1) throw fromNode.error(name, holiday + ": dates are not in or next to " + year);
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (holidays.containsKey(d)) throw h.error(name, d + " is in both " + holidays.get(d) + " and " + holiday);
                holidays.put(d, holiday);
                lineOf.put(d, h.line());
            }
        }

        Set<LocalDate> workdays = new HashSet<>();
        LocatedYaml ws = top.getOrDefault("workdays", LocatedYaml.empty(doc.line()));
        for (LocatedYaml w : ws.list(name, "'workdays'")) {
            LocalDate d = date(w, name);
            if (!YearCalendar.isWeekend(d)) throw w.error(name, d + " is a " + d.getDayOfWeek() + "; 'workdays' lists only Saturdays and Sundays that are worked (调休上班)");
            if (holidays.containsKey(d)) throw w.error(name, d + " is also a day off in " + holidays.get(d) + " (line " + lineOf.get(d) + ")");
            if (Math.abs(d.getYear() - year) > 1) throw w.error(name, d + " is not in or next to " + year);
            if (!workdays.add(d)) throw w.error(name, d + " is listed twice");
        }
        return new YearCalendar(year, source, holidays, workdays, name);
    }

    private static LocatedYaml required(Map<String, LocatedYaml> m, LocatedYaml parent, String key, String name) {
        LocatedYaml v = m.get(key);
        if (v == null || v.value() == null) throw parent.error(name, "a holiday needs '" + key + "'");
        return v;
    }

    private static int year(LocatedYaml y, String name) {
        String s = y.text(name, "'year'");
        try {
            int v = Integer.parseInt(s);
            if (v >= 1949 && v <= 2200) return v;
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw y.error(name, "'year' must be a year like 2027, not '" + s + "'");
    }

    private static LocalDate date(LocatedYaml node, String name) {
        String s = node.text(name, "a date");
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw node.error(name, "'" + s + "' is not a date (yyyy-MM-dd, e.g. 2025-01-28)");
        }
    }
}
