package org.openhotline.nlu.text;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    private String norm(String s) {
        return normalizer.normalize(s).normalized();
    }

    @Test
    void fullWidthLettersAndDigitsBecomeHalfWidthLowerCase() {
        assertEquals("abc123", norm("ＡＢＣ１２３"));
        assertEquals("12333热线", norm("１２３３３热线"));
    }

    @Test
    void fullWidthChinesePunctuationIsKept() {
        // only letters and digits are folded; "？" reads the same as "?" and stays as written
        assertEquals("社保卡丢了？", norm("社保卡丢了？"));
    }

    @Test
    void traditionalBecomesSimplified() {
        assertEquals("社会保险", norm("社會保險"));
        assertEquals("医疗保险怎么报销", norm("醫療保險怎麼報銷"));
    }

    @Test
    void emojiAndControlCharactersAreDropped() {
        assertEquals("社保卡丢了怎么办", norm("社保卡😀丢了\u0007怎么办\u200B"));
        assertEquals("谢谢", norm("谢谢👍🏻❤️"));
        assertEquals("按1", norm("按1️⃣"), "the keycap goes, the digit stays");
        assertEquals("一家人", norm("一家人👨‍👩‍👧"), "zero-width joiners go with the pictographs");
    }

    @Test
    void repeatedPunctuationCollapses() {
        assertEquals("怎么办？!", norm("怎么办？？？!!!"));
        assertEquals("医保…报销—", norm("医保……报销——"));
        // only a run of the same mark collapses
        assertEquals("真的?!?", norm("真的?!?"));
    }

    @Test
    void spacesBetweenChineseAreDroppedButKeptBetweenLatinWords() {
        assertEquals("社保卡hello world", norm("社 保 卡  hello   world"));
        assertEquals("abc社保", norm("abc 社保"));
        assertEquals("12345 12333", norm("12345\t\n12333"));
        assertEquals("全角空格", norm("\u3000全角\u3000空格\u3000"));
    }

    @Test
    void leadingAndTrailingSpacesAreRemoved() {
        assertEquals("hello world", norm("  Hello World  "));
    }

    @Test
    void shortInputIsNotTruncated() {
        NormalizedText t = new TextNormalizer(5).normalize("abcde");
        assertFalse(t.truncated());
        assertEquals("abcde", t.normalized());
    }

    @Test
    void longInputIsTruncatedAndFlagged() {
        NormalizedText t = new TextNormalizer(3).normalize("abcdef");
        assertTrue(t.truncated());
        assertEquals("abc", t.normalized());
        assertEquals("abcdef", t.original(), "the original is kept whole for audit");
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        // "𠀀" (U+20000, a CJK Extension B character) is two chars; a cut after 3 chars would split it
        NormalizedText t = new TextNormalizer(3).normalize("ab𠀀cd");
        assertTrue(t.truncated());
        assertEquals("ab", t.normalized());
        for (char c : t.normalized().toCharArray()) assertFalse(Character.isSurrogate(c));
    }

    @Test
    void loneSurrogatesDoNotThrowAndAreDropped() {
        NormalizedText t = assertDoesNotThrow(() -> normalizer.normalize("\uD800社保\uDC00卡\uDBFF"));
        assertEquals("社保卡", t.normalized());
    }

    @Test
    void emptyAndNullInput() {
        NormalizedText empty = normalizer.normalize("");
        assertEquals("", empty.normalized());
        assertTrue(empty.isBlank());
        NormalizedText nul = normalizer.normalize(null);
        assertEquals("", nul.original());
        assertEquals("", nul.normalized());
        assertFalse(nul.truncated());
        assertTrue(normalizer.normalize(" \t😀 ").isBlank());
    }

    @Test
    void maxCharsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TextNormalizer(0));
        assertEquals(TextNormalizer.DEFAULT_MAX_CHARS, new TextNormalizer().maxChars());
    }

    @Test
    void chineseAndSpokenNumbersBecomeDigits() {
        assertEquals("2024年3月", norm("二零二四年三月"));
        assertEquals("13812345678", norm("幺三八幺二三四五六七八"));
        assertEquals("13812345678", norm("幺三八 幺二三四 五六七八"), "spaces a caller leaves between digit groups go first");
        assertEquals("交了3年", norm("交了三年"));
        assertEquals("到账3500", norm("到账三千五"));
        assertEquals("12月1号", norm("十二月一号"));
        assertEquals("拖了15天", norm("拖了十五天"));
    }

    @Test
    void wordsThatContainANumeralStay() {
        for (String w : new String[] {"一起去", "等一下", "万一丢了", "三峡", "一卡通", "十分感谢", "千万别", "一次性补缴", "三三两两", "一家人"}) {
            assertEquals(w, norm(w));
        }
    }

    @Test
    void domainTyposAreCorrectedAndTheOriginalKept() {
        NormalizedText t = normalizer.normalize("公基金和社宝卡，身分证丢了，养劳保险");
        assertEquals("公积金和社保卡,身份证丢了,养老保险".replace(',', '，'), t.normalized());
        assertEquals("公基金和社宝卡，身分证丢了，养劳保险", t.original());
        assertEquals("医保断缴了半年", norm("医保断交了半年"));
        assertEquals("外交部断交", norm("外交部断交"), "断交 alone is a real word and stays");
    }

    @Test
    void aSuppliedTypoDictionaryIsReadAtEachCall() {
        java.util.concurrent.atomic.AtomicReference<org.openhotline.nlu.lexicon.TypoDictionary> live =
                new java.util.concurrent.atomic.AtomicReference<>(new org.openhotline.nlu.lexicon.TypoDictionary(java.util.Map.of()));
        TextNormalizer n = new TextNormalizer(TextNormalizer.DEFAULT_MAX_CHARS, live::get);
        assertEquals("紫侠卡丢了", n.normalize("紫侠卡丢了").normalized());
        live.set(new org.openhotline.nlu.lexicon.TypoDictionary(java.util.Map.of("紫侠卡", "紫霞卡")));
        assertEquals("紫霞卡丢了", n.normalize("紫侠卡丢了").normalized());
        assertEquals(live.get(), n.typos());
    }
}
