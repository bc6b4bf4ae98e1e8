package org.openhotline.bot.hours;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One date as the calendar sees it.
 *
 * @param kind       what applies that day; SPECIAL when the bureau set the day
 * @param name       the holiday's name (春节), the special day's note, or empty
 * @param publicKind what the day is by the State Council calendar alone (never SPECIAL), e.g. a special day on a holiday
 * @param special    the bureau's entry when {@code kind} is SPECIAL, else null
 */
public record CalendarDay(LocalDate date, DayKind kind, String name, DayKind publicKind, SpecialDay special) {

    public Optional<SpecialDay> specialDay() {
        return Optional.ofNullable(special);
    }

    /** The same date with the bureau's entry laid over it. */
    CalendarDay with(SpecialDay s) {
        return new CalendarDay(date, DayKind.SPECIAL, s.note(), publicKind, s);
    }
}
