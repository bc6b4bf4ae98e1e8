package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DurationRecognizerTest {
    private final DurationRecognizer r = new DurationRecognizer();

    @Test
    void isoDurations() {
        assertEquals(List.of("P3Y@三年"), Found.spans(r, "公司交了三年社保"));
        assertEquals(List.of("P6M@半年"), Found.spans(r, "医保断交了半年"));
        assertEquals(List.of("P15D"), Found.values(r, "拖了十五天了"));
        assertEquals(List.of("P3M"), Found.values(r, "领了三个月就停了"));
        assertEquals(List.of("P1W"), Found.values(r, "已经晚了一个星期"));
        assertEquals(List.of("P8Y3M@八年零三个月"), Found.spans(r, "交了八年零三个月的养老保险"));
        assertEquals(List.of("P1Y6M"), Found.values(r, "工作满一年半了"));
        assertEquals(List.of("P15D"), Found.values(r, "电梯坏了半个月"));
        assertEquals(List.of("PT2H"), Found.values(r, "排了两个小时队"));
        assertEquals(List.of("P2Y"), Found.values(r, "交了2年"));
    }

    @Test
    void notDurations() {
        assertEquals(List.of(), Found.values(r, "三月换了工作"), "三月 is March");
        assertEquals(List.of(), Found.values(r, "我一个月工资三千"), "a rate, not a span");
        assertEquals(List.of(), Found.values(r, "一年交多少钱"));
        assertEquals(List.of(), Found.values(r, "每年交一次"));
        assertEquals(List.of(), Found.values(r, "孩子上三年级"));
        assertEquals(List.of(), Found.values(r, "上半年的工资"));
        assertEquals(List.of(), Found.values(r, "2024年3月"));
        assertEquals(List.of(), Found.values(r, "到现在都八个多月了"));
    }
}
