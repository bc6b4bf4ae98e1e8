package org.openhotline.kb.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

class EntrySearchTest {
    static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<Entry> ENTRIES = List.of(
            entry("hf-001", "公积金/提取", "租房怎么提取公积金", "带身份证办理", null, null, EntryStatus.PUBLISHED),
            entry("hf-002", "公积金", "公积金贷款额度", "最高60万元", null, LocalDate.parse("2026-03-10"), EntryStatus.PUBLISHED),
            entry("si-001", "社保", "社保卡怎么激活", "到银行网点激活", null, LocalDate.parse("2026-02-28"), EntryStatus.PUBLISHED),
            entry("si-002", "社保", "养老保险怎么交", "按月缴纳", LocalDate.parse("2026-04-01"), null, EntryStatus.PUBLISHED),
            entry("si-003", "社保/医保", "医保报销比例", "门诊报销50%", null, null, EntryStatus.DISABLED));
    static final Map<String, Instant> CHANGED = Map.of(
            "hf-001", Instant.parse("2026-02-01T02:00:00Z"), "hf-002", Instant.parse("2026-03-01T02:00:00Z"),
            "si-001", Instant.parse("2026-01-15T02:00:00Z"), "si-002", Instant.parse("2026-02-20T02:00:00Z"),
            "si-003", Instant.parse("2026-02-28T17:00:00Z")); // 2026-03-01 in Beijing

    static Entry entry(String id, String category, String q, String a, LocalDate from, LocalDate to, EntryStatus status) {
        return new Entry(id, category, q, List.of(q + "吗"), a, null, List.of(), from, to, status);
    }

    static Change open(String entryId) {
        return new Change(7, ChangeKind.EDIT, entryId, null, null, "anna", ChangeStatus.DRAFT, Instant.EPOCH, null, null, null, null);
    }

    static List<String> ids(EntrySearch.Criteria c) {
        return EntrySearch.search(ENTRIES, CHANGED, Map.of("hf-001", open("hf-001")), TODAY, ZONE, c).hits().stream().map(h -> h.entry().id()).toList();
    }

    static EntrySearch.Criteria c(String text, String category, EntrySearch.State state, Integer expiring, LocalDate from, String sort) {
        return new EntrySearch.Criteria(text, category, state, expiring, from, null, sort, 0, 100);
    }

    @Test
    void filtersByTextCategoryStateExpiryAndLastChange() {
        assertEquals(List.of("hf-001", "hf-002"), ids(c("公积金", null, null, null, null, "id")));
        assertEquals(List.of("si-001"), ids(c("银行网点", null, null, null, null, "id")), "answer text");
        assertEquals(List.of("si-002"), ids(c("怎么交吗", null, null, null, null, "id")), "similar questions");
        assertEquals(List.of("si-001", "si-002", "si-003"), ids(c(null, "社保", null, null, null, "id")), "a top category takes its sub-categories");
        assertEquals(List.of("si-003"), ids(c(null, "社保/医保", null, null, null, "id")));
        assertEquals(List.of("hf-001"), ids(c(null, null, EntrySearch.State.OPEN, null, null, "id")), "a change under way comes first");
        assertEquals(List.of("si-001"), ids(c(null, null, EntrySearch.State.EXPIRED, null, null, "id")));
        assertEquals(List.of("si-002"), ids(c(null, null, EntrySearch.State.FUTURE, null, null, "id")));
        assertEquals(List.of("si-003"), ids(c(null, null, EntrySearch.State.DISABLED, null, null, "id")));
        assertEquals(List.of("hf-002"), ids(c(null, null, null, 14, null, "id")));
        assertEquals(List.of(), ids(c(null, null, null, 7, null, "id")));
        assertEquals(List.of("hf-002", "si-003"), ids(c(null, null, null, null, LocalDate.parse("2026-03-01"), "id")), "days in the zone given");
        assertEquals(List.of("hf-002", "si-003", "si-002", "hf-001", "si-001"), ids(c(null, null, null, null, null, "changed")));
    }

    @Test
    void pagesKeepTheTotalAndListEveryCategory() {
        EntrySearch.Page p = EntrySearch.search(ENTRIES, CHANGED, Map.of(), TODAY, ZONE,
                new EntrySearch.Criteria(null, null, null, null, null, null, "id", 2, 2));
        assertEquals(5, p.total());
        assertEquals(List.of("si-001", "si-002"), p.hits().stream().map(h -> h.entry().id()).toList());
        assertEquals(List.of("公积金", "公积金/提取", "社保", "社保/医保"), p.categories());
        EntrySearch.Page past = EntrySearch.search(ENTRIES, CHANGED, Map.of(), TODAY, ZONE,
                new EntrySearch.Criteria(null, null, null, null, null, null, "id", 50, 10));
        assertEquals(0, past.hits().size());
        assertEquals(5, past.total());
    }
}
