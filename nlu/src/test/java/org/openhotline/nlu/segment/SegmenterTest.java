package org.openhotline.nlu.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.lexicon.DomainLexicon;

class SegmenterTest {
    private static Segmenter segmenter;

    @BeforeAll
    static void load() {
        segmenter = new Segmenter(DomainLexicon.bundled().domainWords());
    }

    private static List<String> words(String text) {
        return segmenter.segment(text).stream().map(Token::word).toList();
    }

    @Test
    void domainWordsStaySingleTokens() {
        assertEquals(List.of("异地就医", "怎么", "备案"), words("异地就医怎么备案"));
        assertEquals(List.of("门诊慢特病", "怎么", "申请"), words("门诊慢特病怎么申请"));
        assertEquals(List.of("公积金", "怎么", "提取"), words("公积金怎么提取"));
        assertEquals(List.of("社会保障卡", "怎么", "补办"), words("社会保障卡怎么补办"));
    }

    @Test
    void domainWordInsideASentence() {
        assertTrue(words("我在外地就医能报销吗").contains("外地就医"));
        assertTrue(words("请问医保电子凭证怎么激活").contains("医保电子凭证"));
    }

    @Test
    void offsetsIndexTheInput() {
        String text = "abc 12345热线，异地就医怎么备案";
        List<Token> tokens = segmenter.segment(text);
        assertTrue(tokens.size() >= 5);
        int last = 0;
        for (Token t : tokens) {
            assertEquals(t.word(), text.substring(t.start(), t.end()), t.toString());
            assertTrue(t.start() >= last, "tokens come in order");
            last = t.end();
        }
    }

    @Test
    void blankTokensAreSkippedAndPunctuationIsMarked() {
        List<Token> tokens = segmenter.segment("社保卡 丢了，怎么办？");
        assertTrue(tokens.stream().noneMatch(t -> t.word().isBlank()));
        Token comma = tokens.stream().filter(t -> t.word().equals("，")).findFirst().orElseThrow();
        assertTrue(comma.isPunctuation());
        assertTrue(tokens.stream().filter(t -> t.word().equals("社保卡")).noneMatch(Token::isPunctuation));
    }

    @Test
    void emptyAndNullInput() {
        assertTrue(segmenter.segment("").isEmpty());
        assertTrue(segmenter.segment(null).isEmpty());
    }

    @Test
    void eachSegmenterKeepsOnlyItsOwnWordsWhole() {
        String text = "紫霞蓝鲸卡怎么办理";
        Segmenter with = new Segmenter(java.util.List.of("紫霞蓝鲸卡"), java.util.Map.of("紫霞蓝鲸卡", "n"));
        Segmenter without = new Segmenter(java.util.List.of("社保卡"));
        Token whole = with.segment(text).get(0);
        assertEquals("紫霞蓝鲸卡", whole.word());
        assertEquals("n", whole.nature(), "the nature an editor gave");
        assertTrue(without.segment(text).stream().noneMatch(t -> t.word().equals("紫霞蓝鲸卡")),
                "a word added to one segmenter must not leak into another (a removed word stops segmenting whole)");
        assertTrue(segmenter.segment(text).stream().noneMatch(t -> t.word().equals("紫霞蓝鲸卡")));
    }

    @Test
    void natureNamesAreCheckedAgainstHanLp() {
        assertTrue(Segmenter.isKnownNature("nz"));
        assertTrue(Segmenter.isKnownNature("ns"));
        assertTrue(!Segmenter.isKnownNature("zzz9"));
        assertTrue(!Segmenter.isKnownNature(""));
        assertEquals("nz", new Segmenter(java.util.List.of("紫霞蓝鲸码"), java.util.Map.of("紫霞蓝鲸码", "zzz9")).segment("紫霞蓝鲸码").get(0).nature(),
                "an unknown nature falls back to nz instead of inventing a tag");
    }
}
