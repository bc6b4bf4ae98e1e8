package org.openhotline.bot.clarify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceParserTest {
    private final ChoiceParser parser = new ChoiceParser();
    private final List<String> options = List.of("社保卡丢了怎么补办", "社保卡怎么激活", "电子社保卡怎么申领");

    @Test
    void readsDigitsChineseNumeralsAndOrdinals() {
        assertEquals(0, parser.parse("1", options));
        assertEquals(1, parser.parse("2。", options));
        assertEquals(2, parser.parse("第三个", options));
        assertEquals(1, parser.parse("二", options));
        assertEquals(2, parser.parse("选3", options));
        assertEquals(0, parser.parse("我要第一个吧", options));
    }

    @Test
    void readsTheOptionsOwnWords() {
        assertEquals(1, parser.parse("社保卡怎么激活", options));
        assertEquals(2, parser.parse("电子社保卡怎么申领啊", options));
    }

    @Test
    void aNumberOutOfRangeOrANewQuestionIsNotAPick() {
        assertEquals(-1, parser.parse("4", options));
        assertEquals(-1, parser.parse("0", options));
        assertEquals(-1, parser.parse("公积金怎么提取", options));
        assertEquals(-1, parser.parse("", options));
        assertEquals(-1, parser.parse("1", List.of()));
    }
}
