package org.openhotline.server.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.inbox.QuestionCluster;
import org.openhotline.bot.report.QuestionReport;
import org.openhotline.kb.model.Entry;

class ReportWorkbookTest {
    @Test
    void everyListGetsASheetWithEntriesResolvedAndReasonsInChinese() throws Exception {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        reasons.put("fallback", 3);
        reasons.put("unhelpful", 1);
        QuestionCluster mars = new QuestionCluster("c1", "火星社保怎么交", 4, List.of("火星社保怎么交", "火星上交社保"), reasons, Map.of(),
                Instant.parse("2026-03-02T01:00:00Z"), Instant.parse("2026-03-03T01:00:00Z"), 4, 0);
        QuestionReport r = new QuestionReport(Instant.parse("2026-03-01T16:00:00Z"), Instant.parse("2026-03-08T16:00:00Z"), 10, 7, 1, 2, 10,
                List.of(new QuestionReport.EntryCount("si-001", 5, 4, 2), new QuestionReport.EntryCount("gone", 1, 1, 0)), List.of(mars),
                List.of(new QuestionReport.HardEntry("si-001", 2, Map.of("low_confidence", 2), List.of("社保卡如何激活"))), List.of(mars));
        byte[] xlsx = ReportWorkbook.write(r, Map.of("si-001", Entry.of("si-001", "社保", "社保卡怎么激活", List.of(), "到银行激活")),
                ZoneId.of("Asia/Shanghai"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("概览", "热点问题（条目）", "热点问题（聚类）", "难点问题（条目）", "难点问题（聚类）"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4)));
            assertEquals("2026-03-02 至 2026-03-08", wb.getSheet("概览").getRow(1).getCell(1).getStringCellValue());
            assertEquals("70.0%", wb.getSheet("概览").getRow(6).getCell(1).getStringCellValue());
            Sheet hot = wb.getSheet("热点问题（条目）");
            assertEquals("社保卡怎么激活", hot.getRow(1).getCell(2).getStringCellValue());
            assertEquals(5, (int) hot.getRow(1).getCell(4).getNumericCellValue());
            assertEquals(2, (int) hot.getRow(1).getCell(6).getNumericCellValue());
            assertEquals("（已删除）", hot.getRow(2).getCell(2).getStringCellValue());
            assertEquals("未能回答 3、被标记无用 1", wb.getSheet("难点问题（聚类）").getRow(1).getCell(4).getStringCellValue());
            assertEquals("低置信度 2", wb.getSheet("难点问题（条目）").getRow(1).getCell(5).getStringCellValue());
        }
    }
}
