package org.openhotline.bot.hours;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A day the bureau set itself (a training day, a system migration, extra Saturday hours before a deadline):
 * it replaces the calendar's rule for that date. No windows means closed.
 *
 * @param group   the skill group it is for, or {@link #ALL_GROUPS}; a group's own entry wins over the shared one
 * @param windows opening windows that day for every service kind of the group; empty = closed
 * @param note    why, shown to staff (and usable in the bot's reply), e.g. "系统升级暂停服务"
 */
public record SpecialDay(LocalDate date, String group, List<TimeWindow> windows, String note) {
    public static final String ALL_GROUPS = "*";
    public static final int MAX_GROUP = 64;
    public static final int MAX_NOTE = 200;
    public static final int MAX_WINDOWS = 24;

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        group = group == null || group.isBlank() ? ALL_GROUPS : group.strip();
        if (group.length() > MAX_GROUP) throw new IllegalArgumentException("group is longer than " + MAX_GROUP + " characters");
        windows = TimeWindow.sortedWithoutOverlap(windows == null ? List.of() : windows);
        if (windows.size() > MAX_WINDOWS) throw new IllegalArgumentException("more than " + MAX_WINDOWS + " windows in one day");
        note = note == null ? "" : note.strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTE) throw new IllegalArgumentException("note is longer than " + MAX_NOTE + " characters");
    }

    public static SpecialDay closed(LocalDate date, String group, String note) {
        return new SpecialDay(date, group, List.of(), note);
    }

    public boolean isClosed() {
        return windows.isEmpty();
    }

    public boolean forAllGroups() {
        return ALL_GROUPS.equals(group);
    }
}
