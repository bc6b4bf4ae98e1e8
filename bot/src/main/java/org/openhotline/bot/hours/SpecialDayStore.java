package org.openhotline.bot.hours;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the bureau's special days live, so they can be edited while the service runs; the calendar reads
 * them through a cache that reloads when {@link #revision()} moves.
 */
public interface SpecialDayStore {

    /** Entries from {@code from} to {@code to} inclusive (null = unbounded), by date then group. */
    List<SpecialDay> list(LocalDate from, LocalDate to);

    /** Adds or replaces the entry for the day's date and group; true when it was new. */
    boolean put(SpecialDay day);

    /** False when there was no entry for that date and group. */
    boolean remove(LocalDate date, String group);

    /** A number that moves with every change; readers poll it and reload only when it moved. */
    long revision();

    /** A store with nothing in it, for a calendar without bureau days. */
    static SpecialDayStore none() {
        return new InMemorySpecialDayStore();
    }
}
