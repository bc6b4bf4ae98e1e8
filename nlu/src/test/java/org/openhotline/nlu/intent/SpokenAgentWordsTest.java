package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.pinyin.PinyinConverter;

class SpokenAgentWordsTest {
    private static final SpokenAgentWords WORDS = new SpokenAgentWords(new PinyinConverter(), List.of("转人工", "人工", "客服", "转接"));

    @Test
    void soundAlikesAreWrittenBack() {
        assertEquals("帮我转人工", WORDS.restore("帮我转人公"));
        assertEquals("人工服务", WORDS.restore("任工服务"));
        assertEquals("转人工", WORDS.restore("装人工"), "three syllables fold zh/z and -ng");
        assertEquals("转人工", WORDS.restore("转银工"), "人 said as yin");
        assertEquals("帮我转人工", WORDS.restore("帮我转让工"), "人 heard as rang in a three-syllable word");
    }

    @Test
    void wordsOfTheLanguageAndSpansRunningIntoOneStay() {
        assertEquals("要克服困难", WORDS.restore("要克服困难"), "克服 is a word");
        assertEquals("两人共同承担", WORDS.restore("两人共同承担"), "共同 runs across the span's edge");
        assertEquals("*庄街*园", WORDS.restore("*庄街*园"), "two syllables match exactly: zhuang jie is not zhuan jie");
        assertEquals("股权转让工商变更", WORDS.restore("股权转让工商变更"), "工商 runs across the edge of 转让工");
        assertEquals("让工期延后", WORDS.restore("让工期延后"), "rang is not ren in two-syllable words");
    }

    @Test
    void textWithoutCandidatesIsReturnedAsItIs() {
        String t = "社保卡怎么补办";
        assertEquals(t, WORDS.restore(t));
        assertEquals("", WORDS.restore(""));
    }
}
