package org.openhotline.nlu.sensitive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensitiveMatcherTest {
    private static final SensitiveMatcher MATCHER = new SensitiveMatcher(SensitiveLexicon.builder()
            .add("法轮功", Category.POLITICS)
            .addHomophoneProne("法轮", Category.POLITICS)
            .add("炸药", Category.VIOLENCE)
            .add("出售炸药", Category.VIOLENCE)
            .add("性交", Category.PORN)
            .addHomophoneProne("傻逼", Category.ABUSE)
            .add("草泥马", Category.ABUSE)
            .add("代办", Category.FRAUD_AD)
            .add("xjp", Category.POLITICS)
            .whitelist("一次性交")
            .whitelist("代办员")
            .build());

    private static List<SensitiveHit> find(String text) {
        return MATCHER.find(text);
    }

    private static SensitiveHit only(String text) {
        List<SensitiveHit> hits = find(text);
        assertEquals(1, hits.size(), () -> "hits in " + text + ": " + hits);
        return hits.get(0);
    }

    @Test
    void exactWordWithExactOffsets() {
        SensitiveHit h = only("他在练法轮功吗");
        assertEquals("法轮功", h.word());
        assertEquals(3, h.start());
        assertEquals(6, h.end());
        assertEquals(MatchMode.EXACT, h.mode());
        assertEquals(Category.POLITICS, h.category());
    }

    @Test
    void longerWordOfTheSameCategoryWinsOverTheWordInside() {
        SensitiveHit h = only("有人出售炸药");
        assertEquals("出售炸药", h.word());
        assertEquals(2, h.start());
        assertEquals(6, h.end());
    }

    @Test
    void insertedSymbolsAndSpacesAreSeenThroughAndCoveredByTheOffsets() {
        String text = "练法 * 轮.功的人";
        SensitiveHit h = only(text);
        assertEquals("法轮功", h.word());
        assertEquals("法 * 轮.功", h.matchedText(text));
        assertEquals("法轮", only("法　轮").word()); // ideographic space
        assertEquals("炸药", only("炸😀药").word());
        assertEquals("炸药", only("炸\u200B药").word());
    }

    @Test
    void sentencePunctuationSeparatesWords() {
        assertTrue(find("这是办法。轮到我了").isEmpty());
        assertTrue(find("炸，药").isEmpty());
    }

    @Test
    void fullWidthAndTraditionalFormsMatch() {
        SensitiveHit h = only("ＸＪＰ下台");
        assertEquals("xjp", h.word());
        assertEquals(0, h.start());
        assertEquals(3, h.end());
        SensitiveHit t = only("他說法輪功");
        assertEquals("法轮功", t.word());
        assertEquals(2, t.start());
        assertEquals(5, t.end());
    }

    @Test
    void pinyinSpellingsMatchAsWholeLatinWords() {
        SensitiveHit h = only("我练falungong");
        assertEquals("法轮功", h.word());
        assertEquals(MatchMode.PINYIN, h.mode());
        assertEquals(2, h.start());
        assertEquals(11, h.end());
        assertEquals("法轮功", only("FA LUN GONG").word());
        assertEquals("傻逼", only("你个shabi").word());
        assertTrue(find("xfalungongx").isEmpty(), "inside a longer latin word it is not pinyin");
    }

    @Test
    void pinyinInitialsOfLongWordsMatch() {
        SensitiveHit h = only("flg好");
        assertEquals("法轮功", h.word());
        assertEquals(MatchMode.INITIALS, h.mode());
        assertEquals(0, h.start());
        assertEquals(3, h.end());
        assertEquals("草泥马", only("cnm").word());
        assertTrue(find("flgx").isEmpty());
    }

    @Test
    void homophonesMatchForLongOrMarkedWordsOnly() {
        SensitiveHit h = only("发轮功是什么");
        assertEquals("法轮功", h.word());
        assertEquals(MatchMode.HOMOPHONE, h.mode());
        assertEquals(0, h.start());
        assertEquals(3, h.end());
        assertEquals("草泥马", only("操你妈").word());
        assertEquals("傻逼", only("你个煞笔").word(), "marked homophone-prone");
        assertEquals("法轮功", only("fa轮gong").word(), "pinyin and characters mixed");
        assertTrue(find("炸要").isEmpty(), "two-syllable words that are not marked need the real characters");
    }

    @Test
    void whitelistStopsHitsInsideLegitimatePhrases() {
        assertTrue(find("材料一次性交齐").isEmpty());
        assertTrue(find("社区代办员上门").isEmpty());
        assertEquals("代办", only("找人代办证件").word());
        SensitiveHit h = only("一次性交费和性交");
        assertEquals(6, h.start(), "only the occurrence outside the whitelisted phrase");
    }

    @Test
    void latinWordsNeedWordBoundaries() {
        assertTrue(find("axjpb").isEmpty());
        assertEquals(1, find("hello xjp").size());
        assertEquals("法轮功", only("f.a.l.u.n.g.o.n.g").word(), "symbols between letters do not split a latin word");
    }

    @Test
    void everyOccurrenceIsReported() {
        List<SensitiveHit> hits = find("炸药炸药");
        assertEquals(2, hits.size());
        assertEquals(2, hits.get(1).start());
    }

    @Test
    void hostileInputIsHandled() {
        assertTrue(find("").isEmpty());
        assertTrue(find(null).isEmpty());
        assertTrue(find("\u0000\u0007\uD800\uDC00\uDFFF\uD800").isEmpty());
        assertEquals("炸药", only("炸\uD800药").word(), "a lone surrogate is skipped like a symbol");
        StringBuilder big = new StringBuilder();
        while (big.length() < 100_000) big.append("社保卡补办需要带身份证吗？\uD800 ");
        big.append("炸药");
        long t0 = System.nanoTime();
        List<SensitiveHit> hits = find(big.toString());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        assertEquals(1, hits.size());
        assertEquals(big.length() - 2, hits.get(0).start());
        StringBuilder bad = new StringBuilder();
        while (bad.length() < 100_000) bad.append("炸药");
        assertTrue(find(bad.toString()).size() <= SensitiveMatcher.MAX_HITS);
    }
}
