package org.openhotline.kb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryTest {
    private static Entry valid(LocalDate from, LocalDate to, EntryStatus status) {
        return new Entry("e", "医保", "q", List.of(), "a", null, List.of(), from, to, status);
    }

    @Test
    void validityIncludesBothEnds() {
        Entry e = valid(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), EntryStatus.PUBLISHED);
        assertFalse(e.isAnswerable(LocalDate.of(2024, 12, 31)));
        assertTrue(e.isAnswerable(LocalDate.of(2025, 1, 1)));
        assertTrue(e.isAnswerable(LocalDate.of(2025, 12, 31)));
        assertFalse(e.isAnswerable(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void openEndedAndDisabled() {
        assertTrue(valid(null, null, EntryStatus.PUBLISHED).isAnswerable(LocalDate.of(1999, 1, 1)));
        assertFalse(valid(null, null, EntryStatus.DISABLED).isAnswerable(LocalDate.of(2025, 1, 1)));
    }

    @Test
    void nullsBecomeEmptyAndListsAreCopied() {
        List<String> similar = new ArrayList<>(List.of("s"));
        Entry e = new Entry("e", null, "q", similar, "a", null, null, null, null, null);
        similar.add("later");
        assertEquals("", e.category());
        assertEquals(List.of("s"), e.similar());
        assertEquals(List.of(), e.keywords());
        assertEquals(EntryStatus.PUBLISHED, e.status());
        assertThrows(NullPointerException.class, () -> Entry.of(null, "", "q", List.of(), "a"));
    }

    @Test
    void questionsAnswersAndCategories() {
        Entry e = new Entry("e", "社保/养老保险", "q", List.of("s1", "s2"), "长答案", " ", List.of(), null, null, null);
        assertEquals(List.of("q", "s1", "s2"), e.allQuestions());
        assertEquals("长答案", e.spokenAnswer(), "a blank voice answer falls back to the answer");
        assertEquals("社保", e.topCategory());
        assertEquals("公积金", Entry.of("x", "公积金", "q", List.of(), "a").topCategory());
    }

    @Test
    void statusWordsEditorsUse() {
        assertEquals(EntryStatus.PUBLISHED, EntryStatus.parse("启用"));
        assertEquals(EntryStatus.PUBLISHED, EntryStatus.parse(null));
        assertEquals(EntryStatus.PUBLISHED, EntryStatus.parse(" Published "));
        assertEquals(EntryStatus.DISABLED, EntryStatus.parse("停用"));
        assertEquals(EntryStatus.DISABLED, EntryStatus.parse("INACTIVE"));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> EntryStatus.parse("草稿"));
        assertTrue(ex.getMessage().contains("启用 or 停用"));
    }

    @Test
    void aCategoryHoldsItsSubCategoriesButNotNamesThatMerelyStartAlike() {
        Entry card = Entry.of("c", "社保/社保卡", "社保卡丢了怎么办", List.of(), "补办。");
        assertTrue(card.inCategory("社保/社保卡"));
        assertTrue(card.inCategory("社保"));
        assertFalse(card.inCategory("社保/社保"));
        assertFalse(Entry.of("k", "社保卡", "q", List.of(), "a").inCategory("社保"));
        assertFalse(card.inCategory(""));
    }
}
