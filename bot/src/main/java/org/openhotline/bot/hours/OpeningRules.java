package org.openhotline.bot.hours;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When one service of one group is open, for each kind of day: a plain day by its weekday (Monday–Friday usually
 * share the workday windows, Saturday and Sunday the weekend ones), a make-up working day (调休上班, open as a
 * workday whatever its weekday), a public holiday. A special day brings its own windows.
 */
public record OpeningRules(Map<DayOfWeek, List<TimeWindow>> plainDays, List<TimeWindow> makeupWorkday, List<TimeWindow> holiday) {

    public OpeningRules {
        EnumMap<DayOfWeek, List<TimeWindow>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) copy.put(d, TimeWindow.sortedWithoutOverlap(plainDays.getOrDefault(d, List.of())));
        plainDays = Map.copyOf(copy);
        makeupWorkday = TimeWindow.sortedWithoutOverlap(makeupWorkday);
        holiday = TimeWindow.sortedWithoutOverlap(holiday);
    }

    /** The usual shape: the same windows Monday to Friday and on make-up days, others at weekends and on holidays. */
    public static OpeningRules weekly(List<TimeWindow> workday, List<TimeWindow> weekend, List<TimeWindow> holiday) {
        EnumMap<DayOfWeek, List<TimeWindow>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) days.put(d, d.getValue() >= 6 ? weekend : workday);
        return new OpeningRules(days, workday, holiday);
    }

    /** Open every minute of every day, holidays included (the 12345 line). */
    public static OpeningRules allDay() {
        List<TimeWindow> all = List.of(TimeWindow.ALL_DAY);
        return weekly(all, all, all);
    }

    /** A copy with one weekday's plain-day windows replaced (e.g. Saturday mornings). */
    public OpeningRules withDay(DayOfWeek day, List<TimeWindow> windows) {
        EnumMap<DayOfWeek, List<TimeWindow>> days = new EnumMap<>(plainDays);
        days.put(day, windows);
        return new OpeningRules(days, makeupWorkday, holiday);
    }

    /** The windows that apply on {@code day}; empty means closed all day. */
    public List<TimeWindow> windows(CalendarDay day) {
        return switch (day.kind()) {
            case SPECIAL -> day.special().windows();
            case HOLIDAY -> holiday;
            case MAKEUP_WORKDAY -> makeupWorkday;
            case WORKDAY, WEEKEND -> plainDays.get(day.date().getDayOfWeek());
        };
    }
}
