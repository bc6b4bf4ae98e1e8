package org.openhotline.kb.workflow;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

/**
 * Entries whose validity ends within a number of days: editors are reminded before citizens stop being answered
 * ({@link Entry#isAnswerable} already refuses them after their last day).
 */
public final class ExpiringEntries {
    private ExpiringEntries() {}

    /** Published entries whose last valid day is from {@code today} to {@code today + days}, soonest first. */
    public static List<Entry> within(List<Entry> entries, LocalDate today, int days) {
        LocalDate until = today.plusDays(days);
        return entries.stream()
                .filter(e -> e.status() == EntryStatus.PUBLISHED && e.validTo() != null)
                .filter(e -> !e.validTo().isBefore(today) && !e.validTo().isAfter(until))
                .sorted(Comparator.comparing(Entry::validTo).thenComparing(Entry::id))
                .toList();
    }

    /** Published entries already past their last valid day: no longer answered. */
    public static List<Entry> expired(List<Entry> entries, LocalDate today) {
        return entries.stream().filter(e -> e.status() == EntryStatus.PUBLISHED && e.validTo() != null && e.validTo().isBefore(today))
                .sorted(Comparator.comparing(Entry::validTo).thenComparing(Entry::id)).toList();
    }
}
