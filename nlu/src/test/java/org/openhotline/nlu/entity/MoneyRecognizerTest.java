package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyRecognizerTest {
    private final MoneyRecognizer r = new MoneyRecognizer();

    @Test
    void chineseAmountsWithoutACurrencyWord() {
        assertEquals(List.of("3500@三千五", "200@两百"), Found.spans(r, "每个月到账三千五，比上个月少了两百，为啥"));
        assertEquals(List.of("12000@1.2万"), Found.spans(r, "欠了我1.2万，电话15109283347"));
        assertEquals(List.of("23000"), Found.values(r, "大概花了两万三"));
    }

    @Test
    void currencyWordsArePartOfTheSpan() {
        assertEquals(List.of("800@800块"), Found.spans(r, "一个月收800块"));
        assertEquals(List.of("2000@2000元"), Found.spans(r, "交了2000元"));
        assertEquals(List.of("486.5"), Found.values(r, "扣了486.5元"));
        assertEquals(List.of("80000@8万元"), Found.spans(r, "拖欠工资8万元"));
    }

    @Test
    void bareNumberAfterAPayingWord() {
        assertEquals(List.of("5800"), Found.values(r, "那天在医院花了5800，医保报了多少"));
        assertEquals(List.of("1200", "900"), Found.values(r, "单位说每个月给我交社保1200，但我查只有900"));
    }

    @Test
    void notMoney() {
        assertEquals(List.of(), Found.values(r, "补交了两个月的医保，花了八百多"), "approximate");
        assertEquals(List.of(), Found.values(r, "欠了三十多个人的工资"));
        assertEquals(List.of(), Found.values(r, "住在3号楼2单元1502"));
        assertEquals(List.of(), Found.values(r, "验证码是826194"));
        assertEquals(List.of(), Found.values(r, "交了十五年"));
        assertEquals(List.of(), Found.values(r, "万一丢了"));
    }
}
