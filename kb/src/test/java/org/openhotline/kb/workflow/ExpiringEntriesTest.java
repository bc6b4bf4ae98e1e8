package org.openhotline.kb.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

class ExpiringEntriesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    static Entry until(String id, LocalDate to, EntryStatus status) {
        return new Entry(id, "", "q" + id, List.of(), "a", null, List.of(), null, to, status);
    }

    @Test
    void listsPublishedEntriesEndingWithinTheWindowSoonestFirst() {
        List<Entry> all = List.of(
                until("late", TODAY.plusDays(15), EntryStatus.PUBLISHED),
                until("edge", TODAY.plusDays(14), EntryStatus.PUBLISHED),
                until("today", TODAY, EntryStatus.PUBLISHED),
                until("gone", TODAY.minusDays(1), EntryStatus.PUBLISHED),
                until("off", TODAY.plusDays(2), EntryStatus.DISABLED),
                until("forever", null, EntryStatus.PUBLISHED));
        assertEquals(List.of("today", "edge"), ExpiringEntries.within(all, TODAY, 14).stream().map(Entry::id).toList());
        assertEquals(List.of("gone"), ExpiringEntries.expired(all, TODAY).stream().map(Entry::id).toList());
        assertTrue(all.get(2).isAnswerable(TODAY), "the last valid day is still answered");
        assertFalse(all.get(3).isAnswerable(TODAY), "past validity is not");
    }
}
