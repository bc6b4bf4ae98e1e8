package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateRecognizerTest {
    private final DateRecognizer r = new DateRecognizer();

    private String one(String text) {
        List<String> v = Found.values(r, text);
        assertEquals(1, v.size(), text + " → " + v);
        return v.get(0);
    }

    @Test
    void relativeDays() { // NOW is Monday 2026-11-23
        assertEquals("2026-11-23", one("今天能办吗"));
        assertEquals("2026-11-24", one("明天上午开门吗"));
        assertEquals("2026-11-25", one("后天去"));
        assertEquals("2026-11-26", one("大后天就要交房租了"));
        assertEquals("2026-11-22", one("昨天晚上打的电话"));
        assertEquals("2026-11-21", one("前天排了队"));
    }

    @Test
    void weekdaysCountFromMonday() {
        assertEquals("2026-11-20", one("上周五交的材料"));
        assertEquals("2026-11-27", one("这周五前能办完吗"));
        assertEquals("2026-11-28", one("我周六要回老家"));
        assertEquals("2026-12-02", one("下周三去"));
        assertEquals("2026-11-29", one("星期天上班吗"));
        List<String> fromSunday = new DateRecognizer().find(ScanText.of("周一去"), LocalDateTime.of(2026, 11, 29, 9, 0))
                .stream().map(Entity::value).toList();
        assertEquals(List.of("2026-11-30"), fromSunday, "a bare weekday is the coming one");
    }

    @Test
    void monthsAndYearEnds() {
        assertEquals("2026-10-01", one("比上个月少了两百"));
        assertEquals("2026-12-01", one("下个月开始涨了吗"));
        assertEquals("2026-12-10", one("下个月10号之前要交"));
        assertEquals("2026-11-30", one("月底前要交的材料"));
        assertEquals("2026-12-31", one("今年年底前必须办完"));
        assertEquals("2026-12-31", one("年底前办"));
        assertEquals("2025-12-31", one("去年年底交的"));
    }

    @Test
    void writtenDates() {
        assertEquals("2024-03-01", one("2024年3月换了工作"));
        assertEquals("2024-03-05", one("2024年3月5日"));
        assertEquals("2024-03-01@二零二四年三月", Found.spans(r, "二零二四年三月份我在深圳").get(0));
        assertEquals("2024-03-05", one("2024-03-05"));
        assertEquals("2024-03-05", one("2024/3/5"));
        assertEquals("2026-11-10", one("2026.11.10提交的"));
        assertEquals("2026-03-05", one("3月5号交的"));
        assertEquals("2026-12-01", one("十二月一号开始"));
    }

    @Test
    void notDates() {
        assertEquals(List.of(), Found.values(r, "1958年的，今年该领了吧"));
        assertEquals(List.of(), Found.values(r, "2026年2月30日"), "no such day");
        assertEquals(List.of(), Found.values(r, "一周三次"));
        assertEquals(List.of(), Found.values(r, "每个月到账"));
    }
}
