package org.openhotline.kb.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

class VersionDiffTest {
    static Entry e(String id, String q, List<String> similar, String answer, String voice, LocalDate to, EntryStatus status) {
        return new Entry(id, "社保", q, similar, answer, voice, List.of(), null, to, status);
    }

    @Test
    void namesAddedRemovedAndTheFieldsThatChanged() {
        Entry a = e("a", "社保卡怎么补办", List.of("社保卡丢了", "补卡"), "带身份证去网点", null, null, EntryStatus.PUBLISHED);
        Entry a2 = e("a", "社保卡怎么补办", List.of("补卡", "社保卡掉了"), "带身份证去网点或线上申请", "可以线上申请", LocalDate.of(2026, 12, 31), EntryStatus.DISABLED);
        Entry b = e("b", "b", List.of(), "x", null, null, EntryStatus.PUBLISHED);
        Entry c = e("c", "c", List.of(), "y", null, null, EntryStatus.PUBLISHED);
        Entry same = e("s", "s", List.of(), "z", null, null, EntryStatus.PUBLISHED);

        VersionDiff d = VersionDiff.between(List.of(a, b, same), List.of(same, a2, c));
        assertEquals(List.of(c), d.added());
        assertEquals(List.of(b), d.removed());
        assertEquals(1, d.changed().size());
        VersionDiff.EntryDiff ad = d.changed().get(0);
        assertEquals(List.of("similar", "answer", "voice_answer", "valid_to", "status"), ad.fields());
        assertEquals(List.of("社保卡掉了"), ad.similarAdded());
        assertEquals(List.of("社保卡丢了"), ad.similarRemoved());
        assertArrayEquals(new Object[] {null, "2026-12-31"}, ad.values().get("valid_to"));
        assertArrayEquals(new Object[] {"published", "disabled"}, ad.values().get("status"));
    }

    @Test
    void reorderedSimilarQuestionsAreAChangeWithNothingAddedOrRemoved() {
        Entry a = e("a", "q", List.of("x", "y"), "ans", null, null, null);
        Entry b = e("a", "q", List.of("y", "x"), "ans", null, null, null);
        VersionDiff.EntryDiff d = VersionDiff.between(List.of(a), List.of(b)).changed().get(0);
        assertEquals(List.of("similar"), d.fields());
        assertEquals(List.of(), d.similarAdded());
    }

    @Test
    void identicalVersionsHaveNoDiff() {
        Entry a = e("a", "q", List.of("x"), "ans", null, null, null);
        VersionDiff d = VersionDiff.between(List.of(a), List.of(a));
        assertEquals(0, d.added().size() + d.removed().size() + d.changed().size());
    }
}
