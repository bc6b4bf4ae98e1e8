package org.openhotline.bot.hours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Special days in this process only: tests, the CLI, and a single node that does not need them to survive a restart. */
public final class InMemorySpecialDayStore implements SpecialDayStore {
    private final TreeMap<String, SpecialDay> days = new TreeMap<>();
    private long revision;

    @Override
    public synchronized List<SpecialDay> list(LocalDate from, LocalDate to) {
        List<SpecialDay> out = new ArrayList<>();
        for (SpecialDay d : days.values()) {
            if ((from == null || !d.date().isBefore(from)) && (to == null || !d.date().isAfter(to))) out.add(d);
        }
        return out;
    }

    @Override
    public synchronized boolean put(SpecialDay day) {
        revision++;
        return days.put(key(day.date(), day.group()), day) == null;
    }

    @Override
    public synchronized boolean remove(LocalDate date, String group) {
        boolean removed = days.remove(key(date, normalGroup(group))) != null;
        if (removed) revision++;
        return removed;
    }

    @Override
    public synchronized long revision() {
        return revision;
    }

    private static String key(LocalDate date, String group) {
        return date + "|" + group;
    }

    static String normalGroup(String group) {
        return group == null || group.isBlank() ? SpecialDay.ALL_GROUPS : group.strip();
    }
}
