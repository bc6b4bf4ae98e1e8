package org.openhotline.kb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

class ExcelEntryReaderTest {
    private static final List<Entry> ENTRIES = List.of(
            new Entry("sb-001", "社保/社保卡", "社保卡丢了怎么补办", List.of("社保卡遗失", "社会保障卡补领"), "带身份证到网点补办。\n也可网上申请。",
                    "带身份证去网点补办", List.of("社保卡", "补办"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), EntryStatus.PUBLISHED),
            new Entry("yb-002", "", "医保报销需要什么材料", List.of(), "发票和清单。", null, List.of(), null, null, EntryStatus.DISABLED),
            Entry.of("12345", "热线", "12345能反映什么问题", List.of("市民热线管什么"), "非紧急的政务服务诉求。"));

    private static ImportResult read(byte[] xlsx) throws IOException {
        return new ExcelEntryReader().read(new ByteArrayInputStream(xlsx));
    }

    /** A workbook with a header row and the given rows, each cell as text. */
    private static byte[] sheet(List<String> header, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            Row h = s.createRow(0);
            for (int i = 0; i < header.size(); i++) h.createCell(i).setCellValue(header.get(i));
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r) == null) continue; // leaves the row out entirely
                Row row = s.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) row.createCell(i).setCellValue(rows.get(r).get(i));
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void writtenWorkbookReadsBackEqual() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExcelEntryWriter().write(ENTRIES, out);
        ImportResult r = read(out.toByteArray());
        assertTrue(r.isClean(), r.report());
        assertEquals(ENTRIES, r.entries());
    }

    @Test
    void onlyTheRequiredColumnsAreNeededInAnyOrder() throws IOException {
        ImportResult r = read(sheet(List.of("答案", "标准问题"), List.of(List.of("见网站。", "公积金怎么提取"))));
        assertTrue(r.isClean(), r.report());
        Entry e = r.entries().get(0);
        assertEquals("公积金怎么提取", e.question());
        assertEquals("见网站。", e.answer());
        assertTrue(e.id().startsWith("kb-"), "id derived as for JSON Lines");
    }

    @Test
    void sheetWithoutAnswerColumnIsRefusedWhole() throws IOException {
        byte[] xlsx = sheet(List.of("标准问题", "相似问题", "回复"), List.of(List.of("q", "", "a")));
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> read(xlsx));
        assertTrue(e.getMessage().contains("missing '答案'"), e.getMessage());
    }

    @Test
    void badRowsAreReportedWithExcelRowNumbers() throws IOException {
        byte[] xlsx = sheet(List.of("编号", "标准问题", "答案", "生效日期"), java.util.Arrays.asList(
                List.of("a", "社保卡怎么补办", "带身份证。", ""),   // Excel row 2
                List.of("b", "医保怎么报销", "", ""),               // row 3: no answer
                null,                                                // row 4: absent
                List.of("", "", "", ""),                             // row 5: blank cells
                List.of("a", "公积金怎么提取", "见网站。", ""),      // row 6: duplicate id
                List.of("c", "异地就医怎么备案", "网上备案。", "下个月"))); // row 7: bad date
        ImportResult r = read(xlsx);
        assertEquals(List.of("a"), r.entries().stream().map(Entry::id).toList());
        assertEquals(List.of(new RowProblem(3, "answer is empty"), new RowProblem(6, "id 'a' is already used on row 2"),
                new RowProblem(7, "valid_from '下个月' is not a date (yyyy-MM-dd)")), r.problems());
    }

    @Test
    void similarQuestionsOnePerLine() throws IOException {
        byte[] xlsx = sheet(List.of("标准问题", "相似问题", "答案"),
                List.of(List.of("社保卡怎么补办", "社保卡丢了\r\n社会保障卡补领\n\n  社保卡遗失 ", "带身份证。")));
        assertEquals(List.of("社保卡丢了", "社会保障卡补领", "社保卡遗失"), read(xlsx).entries().get(0).similar());
    }

    @Test
    void keywordsSplitOnAnyUsualSeparator() throws IOException {
        byte[] xlsx = sheet(List.of("标准问题", "答案", "关键词"), List.of(List.of("q", "a", "社保卡；补办、挂失, 补办")));
        assertEquals(List.of("社保卡", "补办", "挂失"), read(xlsx).entries().get(0).keywords());
    }

    @Test
    void dateAndNumberCellsAreRead() throws IOException {
        // editors type dates and numeric ids as Excel values, not text
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            Row h = s.createRow(0);
            String[] header = {"编号", "标准问题", "答案", "失效日期"};
            for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row row = s.createRow(1);
            row.createCell(0).setCellValue(1001);
            row.createCell(1).setCellValue("q");
            row.createCell(2).setCellValue("a");
            row.createCell(3).setCellValue(LocalDate.of(2025, 6, 30));
            row.getCell(3).setCellStyle(dateStyle);
            wb.write(out);
            ImportResult r = read(out.toByteArray());
            assertTrue(r.isClean(), r.report());
            assertEquals("1001", r.entries().get(0).id());
            assertEquals(LocalDate.of(2025, 6, 30), r.entries().get(0).validTo());
        }
    }

    @Test
    void notAWorkbook() {
        byte[] text = "标准问题,答案\nq,a\n".getBytes(StandardCharsets.UTF_8);
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith("not a readable Excel workbook"), e.getMessage());
    }
}
