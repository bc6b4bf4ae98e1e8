package org.openhotline.bot.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One year's State Council arrangement as read from a year file: holiday dates with their names, and the
 * weekend dates that are worked (调休上班).
 *
 * @param origin where it was read from (a resource or a file path), for logs and errors
 */
public record YearCalendar(int year, String source, Map<LocalDate, String> holidays, Set<LocalDate> workdays, String origin) {

    public YearCalendar {
        holidays = Map.copyOf(holidays);
        workdays = Set.copyOf(workdays);
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
