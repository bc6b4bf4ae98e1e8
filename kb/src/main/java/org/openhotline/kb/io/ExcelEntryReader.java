package org.openhotline.kb.io;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads the first sheet of the editors' Excel template ({@link ExcelTemplate}); row 1 holds the headings. */
public final class ExcelEntryReader {
    private final DataFormatter formatter = new DataFormatter();

    public ImportResult read(InputStream in) throws IOException {
        Workbook wb;
        try {
            wb = WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            throw new KnowledgeFileException("not a readable Excel workbook: " + e.getMessage(), e);
        }
        try (wb) {
            if (wb.getNumberOfSheets() == 0) throw new KnowledgeFileException("the workbook has no sheet");
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) throw new KnowledgeFileException("the first sheet is empty");
            Map<String, Integer> col = new HashMap<>();
            for (Cell c : header) col.put(text(c).strip(), c.getColumnIndex());
            for (String req : ExcelTemplate.REQUIRED) {
                if (!col.containsKey(req)) {
                    throw new KnowledgeFileException("the first row must name the columns; missing '" + req
                            + "' (expected " + ExcelTemplate.COLUMNS + ")");
                }
            }
            EntryValidator v = new EntryValidator();
            for (int i = header.getRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null || isEmpty(row)) continue;
                int rowNo = i + 1; // as Excel shows it
                v.accept(new EntryValidator.Row(rowNo,
                        get(row, col, ExcelTemplate.ID),
                        get(row, col, ExcelTemplate.CATEGORY),
                        get(row, col, ExcelTemplate.QUESTION),
                        lines(get(row, col, ExcelTemplate.SIMILAR)),
                        get(row, col, ExcelTemplate.ANSWER),
                        get(row, col, ExcelTemplate.VOICE_ANSWER),
                        splitKeywords(get(row, col, ExcelTemplate.KEYWORDS)),
                        date(row, col, ExcelTemplate.VALID_FROM),
                        date(row, col, ExcelTemplate.VALID_TO),
                        get(row, col, ExcelTemplate.STATUS)));
            }
            return v.result();
        }
    }

    private boolean isEmpty(Row row) {
        for (Cell c : row) if (!text(c).isBlank()) return false;
        return true;
    }

    private String get(Row row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null) return null;
        Cell c = row.getCell(i);
        return c == null ? null : text(c);
    }

    private String date(Row row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null) return null;
        Cell c = row.getCell(i);
        if (c != null && c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            return LocalDate.ofInstant(c.getDateCellValue().toInstant(), ZoneId.systemDefault()).toString();
        }
        return c == null ? null : text(c);
    }

    private String text(Cell c) {
        return formatter.formatCellValue(c);
    }

    private static List<String> lines(String s) {
        if (s == null) return List.of();
        return List.of(s.split("\\r?\\n"));
    }

    private static List<String> splitKeywords(String s) {
        if (s == null) return List.of();
        return new ArrayList<>(List.of(s.split("[;；,，、\\s]+")));
    }
}
