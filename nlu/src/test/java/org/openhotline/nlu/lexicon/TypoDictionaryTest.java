package org.openhotline.nlu.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypoDictionaryTest {
    @Test
    void longestWrongFormWins() {
        TypoDictionary d = new TypoDictionary(Map.of("社宝", "社保", "社宝卡", "社保卡", "公鸡金", "公积金"));
        assertEquals("社保卡和社保", d.correct("社宝卡和社宝"));
        assertEquals("交公积金", d.correct("交公鸡金"));
        assertEquals("没有错字", d.correct("没有错字"));
    }

    @Test
    void keepingLengthSkipsCorrectionsOfAnotherLength() {
        TypoDictionary d = new TypoDictionary(Map.of("公基金", "公积金", "社宝", "社会保险"));
        assertEquals("公积金社宝", d.correctKeepingLength("公基金社宝"));
        assertEquals("公积金社会保险", d.correct("公基金社宝"));
    }

    @Test
    void bundledFileHasTheCommonTyposAndEnoughOfThem() {
        TypoDictionary d = TypoDictionary.bundled();
        assertEquals("公积金", d.correct("公基金"));
        assertEquals("社保卡", d.correct("社宝卡"));
        assertEquals("养老", d.correct("养劳"));
        assertEquals("医保", d.correct("医宝"));
        assertEquals("公积金", d.correct("公鸡金"));
        assertEquals("身份证", d.correct("身分证"));
        assertTrue(d.corrections().size() >= 60, "size " + d.corrections().size());
        for (Map.Entry<String, String> e : d.corrections().entrySet()) {
            assertTrue(!d.corrections().containsKey(e.getValue()), "a correction must not itself be a typo: " + e);
        }
    }

    @Test
    void malformedLineIsReported() {
        assertThrows(IllegalArgumentException.class, () -> TypoDictionary.parse(List.of("公基金 公积金")));
    }
}
