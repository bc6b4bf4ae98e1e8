package org.openhotline.kb.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openhotline.kb.store.Database;
import org.openhotline.nlu.sensitive.Action;
import org.openhotline.nlu.sensitive.Category;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.LexiconEntry;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.sensitive.SensitiveLexicon;
import org.openhotline.nlu.sensitive.SensitivePolicy;

/** What the sensitive-word store promises on every database it runs on. */
abstract class JdbcSensitiveWordStoreContract {
    static final String WORD = "蓝鲸测试词";

    abstract Database database();

    JdbcSensitiveWordStore store() {
        return new JdbcSensitiveWordStore(database().dataSource());
    }

    @Test
    void firstStartSeedsTheBundledLexiconOnceAndKeepsSoundMarks() {
        SensitiveLexicon bundled = SensitiveLexicon.bundled();
        JdbcSensitiveWordStore s = store();
        assertEquals(0, s.revision());
        assertTrue(s.seedIfNew(bundled));
        assertFalse(s.seedIfNew(bundled), "a second start does not seed again");
        SensitiveLexicon loaded = s.load();
        assertEquals(bundled.size(), loaded.size());
        assertEquals(java.util.Set.copyOf(bundled.entries()), java.util.Set.copyOf(loaded.entries()));
        assertEquals(bundled.whitelist(), loaded.whitelist());
        assertEquals(bundled.sizes().get(Category.ABUSE), s.words(Category.ABUSE).size());
    }

    @Test
    void anEmptiedStoreIsNotReseeded() {
        JdbcSensitiveWordStore s = store();
        s.seedIfNew(SensitiveLexicon.builder().add("甲乙丙丁", Category.ABUSE).build());
        assertTrue(s.remove(Category.ABUSE, "甲乙丙丁"));
        assertFalse(s.seedIfNew(SensitiveLexicon.bundled()));
        assertEquals(0, s.load().size());
    }

    @Test
    void addedWordsAreMatchedAndRemovedOnesAreNot() {
        JdbcSensitiveWordStore s = store();
        s.seedIfNew(SensitiveLexicon.bundled());
        long r0 = s.revision();
        assertTrue(s.add(new LexiconEntry(WORD, Category.ABUSE)));
        assertFalse(s.add(new LexiconEntry(WORD, Category.ABUSE)), "duplicate");
        long r1 = s.revision();
        assertNotEquals(r0, r1);
        SensitiveFilter f = new SensitiveFilter(s.load(), SensitivePolicy.defaults());
        var hit = f.check("你这个" + WORD + "怎么回事", Direction.INBOUND);
        assertEquals(1, hit.count(Category.ABUSE), hit.toString());
        assertEquals(WORD, hit.hits().get(0).word());
        assertEquals(Action.MASK, hit.hits().get(0).action());

        assertTrue(s.remove(Category.ABUSE, WORD));
        assertFalse(s.remove(Category.ABUSE, WORD));
        assertNotEquals(r1, s.revision());
        f.reload(s.load());
        assertTrue(f.check("你这个" + WORD + "怎么回事", Direction.INBOUND).clean());
    }

    @Test
    void whitelistAddAndRemoveMoveTheRevision() {
        JdbcSensitiveWordStore s = store();
        long r0 = s.revision();
        assertTrue(s.addWhitelist("法轮功能测试"));
        assertFalse(s.addWhitelist("法轮功能测试"));
        assertTrue(s.whitelist().contains("法轮功能测试"));
        assertTrue(s.load().whitelist().contains("法轮功能测试"));
        long r1 = s.revision();
        assertNotEquals(r0, r1);
        assertTrue(s.removeWhitelist("法轮功能测试"));
        assertFalse(s.removeWhitelist("法轮功能测试"));
        assertFalse(s.whitelist().contains("法轮功能测试"));
        assertNotEquals(r1, s.revision());
    }

    @Test
    void literalAndHomophoneMarksSurviveARoundTrip() {
        JdbcSensitiveWordStore s = store();
        s.add(LexiconEntry.parse("=李某某测", Category.POLITICS));
        s.add(LexiconEntry.parse("~煞笔测", Category.ABUSE));
        assertEquals(LexiconEntry.Sound.LITERAL, s.words(Category.POLITICS).get(0).sound());
        assertEquals(LexiconEntry.Sound.HOMOPHONE_PRONE, s.words(Category.ABUSE).get(0).sound());
    }
}
