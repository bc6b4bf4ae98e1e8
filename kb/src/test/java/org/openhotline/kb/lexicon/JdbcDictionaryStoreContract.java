package org.openhotline.kb.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.JdbcKnowledgeStore;
import org.openhotline.kb.store.KbVersion;
import org.openhotline.nlu.lexicon.NluDictionaries;

/** What the dictionary store and the versions that name its snapshots promise on every database they run on. */
abstract class JdbcDictionaryStoreContract {
    static final NluDictionaries BUNDLED = NluDictionaries.bundled();
    static final List<Entry> ENTRIES = List.of(
            Entry.of("card", "社保", "社保卡丢了怎么补办", List.of(), "携带身份证到网点补办。"),
            Entry.of("fund", "公积金", "公积金怎么提取", List.of(), "购房、租房、退休可申请提取。"));

    abstract Database database();

    JdbcDictionaryStore store() {
        return new JdbcDictionaryStore(database().dataSource());
    }

    JdbcKnowledgeStore versions() {
        return new JdbcKnowledgeStore(database().dataSource());
    }

    @Test
    void firstStartSeedsTheShippedListsOnceAndReadsThemBackUnchanged() {
        JdbcDictionaryStore s = store();
        assertEquals(0, s.revision());
        assertFalse(s.isSeeded());
        assertTrue(s.seedIfNew(BUNDLED));
        assertFalse(s.seedIfNew(BUNDLED), "a second start does not seed again");
        assertEquals(BUNDLED.fingerprint(), s.working().fingerprint(), "the rows describe exactly the shipped lists");
        Map<DictionaryKind, Integer> counts = s.counts();
        assertEquals(BUNDLED.stopwords().size(), counts.get(DictionaryKind.STOPWORD));
        assertEquals(BUNDLED.typos().size(), counts.get(DictionaryKind.TYPO));
        assertEquals(BUNDLED.places().size(), counts.get(DictionaryKind.PLACE));
        assertEquals(s.entries().size(), counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void editsAreListedFilteredRemovedAndMoveTheRevision() {
        JdbcDictionaryStore s = store();
        s.seedIfNew(BUNDLED);
        long r0 = s.revision();
        DictionaryEntry group = s.add(DictionaryEntry.synonym("紫霞卡", List.of("紫霞证", "紫卡"))).orElseThrow();
        assertTrue(group.id() > 0);
        assertTrue(s.add(DictionaryEntry.synonym("紫霞卡", List.of("别的"))).isEmpty(), "a group head is unique");
        long r1 = s.revision();
        assertTrue(r1 > r0);
        assertEquals(List.of(group), s.entries(DictionaryKind.SYNONYM, "紫卡"), "q finds a variant");
        assertTrue(s.entries(DictionaryKind.WORD, "紫卡").isEmpty(), "q looks in the kind asked for only");
        assertFalse(s.remove(DictionaryKind.WORD, group.id()), "the id is a synonym's, not a word's");
        assertEquals(r1, s.revision(), "a refused edit does not move the revision");
        assertTrue(s.remove(DictionaryKind.SYNONYM, group.id()));
        assertFalse(s.remove(DictionaryKind.SYNONYM, group.id()));
        assertTrue(s.revision() > r1);
        assertEquals(BUNDLED.fingerprint(), s.working().fingerprint());
    }

    @Test
    void everyKindRoundTripsThroughTheTable() {
        JdbcDictionaryStore s = store();
        s.seedIfNew(new NluDictionaries(List.of(), List.of(), List.of(), Map.of(), List.of()));
        List<DictionaryEntry> sent = List.of(DictionaryEntry.word("紫霞卡", "n"), DictionaryEntry.word("蓝鲸码", null),
                DictionaryEntry.synonym("紫霞卡", List.of("紫霞证")), DictionaryEntry.stopword("哈喽"), DictionaryEntry.typo("紫侠卡", "紫霞卡"),
                DictionaryEntry.place("district", "测试区", "西安市", List.of("测区", "测试")), DictionaryEntry.place("city", "测试市", "", null));
        for (DictionaryEntry e : sent) s.add(e).orElseThrow();
        assertEquals(sent, s.entries().stream().map(e -> e.withId(0)).toList());
        NluDictionaries d = s.working();
        assertEquals("n", d.lexicon().natures().get("紫霞卡"));
        assertEquals("紫霞卡", d.lexicon().synonyms().canonical("紫霞证"));
        assertTrue(d.lexicon().isStopword("哈喽"));
        assertEquals("紫霞卡", d.typoDictionary().correct("紫侠卡"));
        assertEquals("测试区", d.gazetteer().lookup("测区").orElseThrow().name());
    }

    @Test
    void aPlaceIsUniqueUnderItsParentOnly() {
        JdbcDictionaryStore s = store();
        s.seedIfNew(BUNDLED);
        assertTrue(s.add(DictionaryEntry.place("street", "城关街道", "蓝田县", List.of())).isPresent());
        assertTrue(s.add(DictionaryEntry.place("street", "城关街道", "周至县", List.of())).isPresent(), "another county's street of the same name");
        assertTrue(s.add(DictionaryEntry.place("street", "城关街道", "蓝田县", List.of())).isEmpty());
    }

    @Test
    void freezingIsContentAddressed() {
        JdbcDictionaryStore s = store();
        assertTrue(s.freeze().isEmpty(), "nothing to freeze before seeding");
        s.seedIfNew(BUNDLED);
        String h1 = s.freeze().orElseThrow();
        assertEquals(h1, s.freeze().orElseThrow(), "the same content, the same snapshot");
        assertEquals(h1, s.workingHash());
        DictionaryEntry typo = s.add(DictionaryEntry.typo("紫侠卡", "紫霞卡")).orElseThrow();
        String h2 = s.freeze().orElseThrow();
        assertNotEquals(h1, h2);
        assertEquals("紫霞卡", s.snapshot(h2).orElseThrow().typoDictionary().correct("紫侠卡"));
        assertEquals("紫侠卡", s.snapshot(h1).orElseThrow().typoDictionary().correct("紫侠卡"), "an older snapshot is never changed");
        s.remove(DictionaryKind.TYPO, typo.id());
        assertEquals(h1, s.freeze().orElseThrow(), "undoing an edit names the earlier snapshot again");
        assertTrue(s.snapshot("0".repeat(64)).isEmpty());
    }

    @Test
    void eachVersionKeepsTheDictionariesItWasPublishedWithAndARollbackRestoresThem() {
        JdbcDictionaryStore s = store();
        JdbcKnowledgeStore kb = versions();
        KbVersion v1 = kb.publish(ENTRIES, "before the dictionaries were stored");
        assertNull(v1.dictionarySnapshot(), "a version published before seeding names no snapshot");
        s.seedIfNew(BUNDLED);
        VersionDictionaries byVersion = new VersionDictionaries(s, BUNDLED);
        assertEquals(BUNDLED, byVersion.of(v1), "a version without a snapshot uses the shipped files");

        KbVersion v2 = kb.publish(ENTRIES, "entries again");
        assertEquals(s.workingHash(), v2.dictionarySnapshot(), "an entries publish records the working set");
        assertEquals(v2, kb.currentVersion().orElseThrow(), "read back with its snapshot");

        AtomicInteger picked = new AtomicInteger();
        DictionaryPublisher publisher = new DictionaryPublisher(kb, s, byVersion, picked::incrementAndGet);
        assertTrue(publisher.publish("nothing changed").isEmpty(), "publishing the same dictionaries again is refused");
        assertFalse(publisher.status().unpublishedChanges());
        assertTrue(s.add(DictionaryEntry.synonym("紫霞卡", List.of("紫霞证"))).isPresent());
        DictionaryPublisher.Status status = publisher.status();
        assertTrue(status.unpublishedChanges());
        assertEquals(v2.dictionarySnapshot(), status.publishedSnapshot());
        assertNotEquals(status.draftSnapshot(), status.publishedSnapshot());

        KbVersion v3 = publisher.publish("synonym 紫霞卡").orElseThrow();
        assertEquals(3, v3.number());
        assertEquals(1, picked.get(), "this node is told at once");
        assertEquals(kb.entries(v2.number()), kb.entries(v3.number()), "the same entries");
        assertEquals(ENTRIES.size(), v3.entryCount());
        assertEquals("紫霞卡", byVersion.of(v3).lexicon().synonyms().canonical("紫霞证"));
        assertEquals("紫霞证", byVersion.of(v2).lexicon().synonyms().canonical("紫霞证"), "the previous version keeps its dictionaries");
        assertFalse(publisher.status().unpublishedChanges());

        KbVersion v4 = kb.rollback(v2.number(), "back to 2");
        assertEquals(v2.dictionarySnapshot(), v4.dictionarySnapshot());
        assertEquals(kb.entries(v2.number()), kb.entries(v4.number()));
        assertEquals("紫霞证", byVersion.of(kb.currentVersion().orElseThrow()).lexicon().synonyms().canonical("紫霞证"), "the rollback restored the old dictionaries");
        assertNull(kb.rollback(v1.number(), "back to 1").dictionarySnapshot(), "and back to the shipped files");
        assertThrows(IllegalArgumentException.class, () -> kb.rollback(99, "no such version"));
    }

    @Test
    void dictionariesCannotBePublishedBeforeAnyVersion() {
        JdbcDictionaryStore s = store();
        s.seedIfNew(BUNDLED);
        DictionaryPublisher publisher = new DictionaryPublisher(versions(), s, new VersionDictionaries(s, BUNDLED), () -> {});
        assertThrows(IllegalStateException.class, () -> publisher.publish("x"));
        assertNull(publisher.status().published());
        assertTrue(publisher.status().unpublishedChanges());
    }
}
