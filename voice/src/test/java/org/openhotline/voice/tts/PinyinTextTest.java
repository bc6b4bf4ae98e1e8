package org.openhotline.voice.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PinyinTextTest {

    @Test
    void chineseBecomesToneNumberedPinyinWithPolyphonesInContext() {
        assertEquals("ni3 hao3", PinyinText.of("你好"));
        assertEquals("yin2 hang2", PinyinText.of("银行"));
        assertEquals("xing2 zou3", PinyinText.of("行走"));
        assertEquals("lv4 shi1", PinyinText.of("律师"));
    }

    @Test
    void punctuationPausesAndLatinPassesThrough() {
        assertEquals("ni3 hao3 , qing3 shuo1 . app", PinyinText.of("你好，请说。APP"));
    }

    @Test
    void numbersAreReadTheWayAHotlineReadsThem() {
        assertEquals("yi1 er4 san1 si4 wu3", PinyinText.of("12345"));
        assertEquals("san1 bai3 yuan2", PinyinText.of("300元"));
        assertEquals("er4 ling2 er4 si4 nian2", PinyinText.of("2024年"));
        assertEquals("ling2 ba1 ba1", PinyinText.of("088"));
    }

    @Test
    void quantities() {
        assertEquals("十", ChineseNumbers.quantity(10));
        assertEquals("十五", ChineseNumbers.quantity(15));
        assertEquals("二十", ChineseNumbers.quantity(20));
        assertEquals("一百零五", ChineseNumbers.quantity(105));
        assertEquals("两千", ChineseNumbers.quantity(2000));
        assertEquals("一千零五", ChineseNumbers.quantity(1005));
        assertEquals("三点五", ChineseNumbers.spellOut("3.5"));
        assertEquals("工作日九点至十七点三十分", ChineseNumbers.spellOut("工作日9:00-17:30"));
        assertEquals("中午十二点", ChineseNumbers.spellOut("中午12:00"));
        assertEquals("报销百分之七十五，个人百分之二点五", ChineseNumbers.spellOut("报销75%，个人2.5％"));
    }
}
