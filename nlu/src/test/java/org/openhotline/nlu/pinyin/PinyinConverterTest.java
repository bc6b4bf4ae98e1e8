package org.openhotline.nlu.pinyin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PinyinConverterTest {
    private final PinyinConverter pinyin = new PinyinConverter();

    @Test
    void toneLessSyllablesOneACharacter() {
        assertEquals(List.of("yi", "bao", "bao", "xiao"), pinyin.syllables("医保报销"));
    }

    @Test
    void homophonesMeetOnTheSameSyllables() {
        // speech recognition writes 一保 for 医保
        assertEquals(pinyin.syllables("医保报销"), pinyin.syllables("一保报销"));
        assertEquals(pinyin.syllables("公积金"), pinyin.syllables("公鸡金"));
    }

    @Test
    void latinAndDigitRunsAreKeptWholeAndLowerCased() {
        assertEquals(List.of("12345", "re", "xian"), pinyin.syllables("12345热线"));
        assertEquals(List.of("she", "bao", "ka", "app", "ban", "li"), pinyin.syllables("社保卡APP办理"));
        assertEquals(List.of("ab", "cd"), pinyin.syllables("ab cd"), "a space ends a run");
    }

    @Test
    void punctuationIsDropped() {
        assertEquals(List.of("yi", "bao"), pinyin.syllables("，医保！"));
        assertEquals(List.of("yi", "bao"), pinyin.syllables("医？保"));
    }

    @Test
    void spansIndexTheText() {
        String text = "打12345，医保";
        List<PinyinConverter.Syllable> spans = pinyin.spans(text);
        assertEquals(List.of(new PinyinConverter.Syllable("da", 0, 1), new PinyinConverter.Syllable("12345", 1, 6),
                new PinyinConverter.Syllable("yi", 7, 8), new PinyinConverter.Syllable("bao", 8, 9)), spans);
        assertEquals(pinyin.syllables(text), spans.stream().map(PinyinConverter.Syllable::text).toList());
    }

    @Test
    void emptyAndNullInput() {
        assertTrue(pinyin.syllables("").isEmpty());
        assertTrue(pinyin.syllables(null).isEmpty());
        assertTrue(pinyin.syllables("？！").isEmpty());
    }

    @Test
    void fuzzyFoldsRetroflexInitials() {
        assertEquals("zan", PinyinConverter.fuzzy("zhang")); // zh→z, then ang→an
        assertEquals("ci", PinyinConverter.fuzzy("chi"));
        assertEquals("si", PinyinConverter.fuzzy("shi"));
        assertEquals(PinyinConverter.fuzzy("zi"), PinyinConverter.fuzzy("zhi"));
    }

    @Test
    void fuzzyFoldsNToLAndFToH() {
        assertEquals("lan", PinyinConverter.fuzzy("nan"));
        assertEquals(PinyinConverter.fuzzy("liu"), PinyinConverter.fuzzy("niu"));
        assertEquals(PinyinConverter.fuzzy("hu"), PinyinConverter.fuzzy("fu"));
        assertEquals("han", PinyinConverter.fuzzy("fang"));
    }

    @Test
    void fuzzyFoldsVelarNasalFinals() {
        assertEquals("lin", PinyinConverter.fuzzy("ling"));
        assertEquals("sen", PinyinConverter.fuzzy("sheng"));
        assertEquals("an", PinyinConverter.fuzzy("ang"));
        assertEquals("en", PinyinConverter.fuzzy("eng"));
    }

    @Test
    void fuzzyLeavesOtherSyllablesAlone() {
        assertEquals("hong", PinyinConverter.fuzzy("hong"), "-ong has no -on counterpart");
        assertEquals("ng", PinyinConverter.fuzzy("ng"));
        assertEquals("n", PinyinConverter.fuzzy("n"));
        assertEquals("bao", PinyinConverter.fuzzy("bao"));
        assertEquals("12345", PinyinConverter.fuzzy("12345"));
    }
}
