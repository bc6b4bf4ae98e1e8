package org.openhotline.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

/**
 * What {@link JdbcKnowledgeStore} must do on every database it supports; subclasses supply a freshly
 * migrated, empty database per test.
 */
abstract class JdbcKnowledgeStoreContract {

    static final Entry CARD = new Entry("sb-001", "社保/社保卡", "社保卡丢了怎么补办", List.of("社保卡遗失", "社会保障卡补领"),
            "携带身份证到经办网点补办。\n也可在电子社保卡小程序申请。", "带身份证去网点补办", List.of("社保卡", "补办"),
            LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31), EntryStatus.PUBLISHED);
    static final Entry FUND = Entry.of("gjj-001", "公积金", "公积金怎么提取", List.of(), "购房、租房、退休可申请提取。");
    static final Entry OLD = new Entry("yb-001", "医保", "2023年医保缴费标准", List.of("去年医保交多少钱"), "每人每年380元。", null,
            List.of(), null, LocalDate.of(2023, 12, 31), EntryStatus.DISABLED);

    abstract Database database();

    JdbcKnowledgeStore store() {
        return new JdbcKnowledgeStore(database().dataSource());
    }

    long revisionRows() throws SQLException {
        try (Connection c = database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM kb_revision")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<Entry> byId(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(Entry::id)).toList();
    }

    @Test
    void emptyStoreHasNoVersion() {
        assertEquals(Optional.empty(), store().currentVersion());
        assertTrue(store().versions().isEmpty());
        assertTrue(store().entries(1).isEmpty());
    }

    @Test
    void publishNumbersVersionsFromOne() {
        JdbcKnowledgeStore store = store();
        KbVersion v1 = store.publish(List.of(CARD, FUND), "first import");
        KbVersion v2 = store.publish(List.of(CARD), null);
        assertEquals(1, v1.number());
        assertEquals(2, v1.entryCount());
        assertEquals("first import", v1.note());
        assertEquals(2, v2.number());
        assertEquals(1, v2.entryCount());
        assertEquals("", v2.note());
        assertEquals(Optional.of(v2), store.currentVersion(), "what publish returned is what was stored");
    }

    @Test
    void overlongNoteIsCutAsStored() {
        JdbcKnowledgeStore store = store();
        KbVersion v = store.publish(List.of(CARD), "说明".repeat(600));
        assertEquals(1000, v.note().length());
        assertEquals(Optional.of(v), store.currentVersion());
    }

    @Test
    void entriesRoundTripEveryField() {
        JdbcKnowledgeStore store = store();
        Entry blankOptional = new Entry("x-1", "", "q", List.of(), "a", null, List.of(), null, null, EntryStatus.PUBLISHED);
        KbVersion v = store.publish(List.of(FUND, CARD, OLD, blankOptional), "all fields");
        assertEquals(byId(List.of(FUND, CARD, OLD, blankOptional)), store.entries(v.number()));
    }

    @Test
    void olderVersionsStayReadable() {
        JdbcKnowledgeStore store = store();
        store.publish(List.of(CARD, FUND), "v1");
        Entry changed = Entry.of(FUND.id(), FUND.category(), FUND.question(), List.of("住房公积金提取"), "新的口径。");
        store.publish(List.of(changed), "v2");
        assertEquals(byId(List.of(CARD, FUND)), store.entries(1));
        assertEquals(List.of(changed), store.entries(2));
        assertTrue(store.entries(3).isEmpty());
    }

    @Test
    void unchangedEntriesReuseTheirRevision() throws SQLException {
        JdbcKnowledgeStore store = store();
        store.publish(List.of(CARD, FUND, OLD), "v1");
        assertEquals(3, revisionRows());
        Entry changed = Entry.of(FUND.id(), FUND.category(), FUND.question(), List.of(), "新的口径。");
        store.publish(List.of(CARD, changed, OLD), "v2");
        assertEquals(4, revisionRows(), "only the changed entry is written again");
        store.publish(List.of(CARD, FUND, OLD), "v3: roll back");
        assertEquals(4, revisionRows(), "a rollback names the old revision");
        assertEquals(store.entries(1), store.entries(3));
    }

    @Test
    void versionsNewestFirst() {
        JdbcKnowledgeStore store = store();
        store.publish(List.of(CARD), "a");
        store.publish(List.of(CARD, FUND), "b");
        store.publish(List.of(), "c");
        List<KbVersion> versions = store.versions();
        assertEquals(List.of(3, 2, 1), versions.stream().map(KbVersion::number).toList());
        assertEquals(List.of("c", "b", "a"), versions.stream().map(KbVersion::note).toList());
        assertEquals(List.of(0, 2, 1), versions.stream().map(KbVersion::entryCount).toList());
        assertTrue(!versions.get(0).publishedAt().isBefore(versions.get(2).publishedAt()));
    }

    @Test
    void aFailedPublishLeavesNothingBehind() throws SQLException {
        JdbcKnowledgeStore store = store();
        store.publish(List.of(CARD), "v1");
        long revisions = revisionRows();
        // the same id twice violates the version's primary key after the revisions were written
        Entry twin = Entry.of(FUND.id(), "", "另一个问题", List.of(), "另一个答案");
        assertThrows(StoreException.class, () -> store.publish(List.of(FUND, twin), "broken"));
        assertEquals(1, store.currentVersion().orElseThrow().number());
        assertEquals(revisions, revisionRows(), "the transaction was rolled back");
        assertEquals(2, store.publish(List.of(FUND), "v2").number());
    }
}
