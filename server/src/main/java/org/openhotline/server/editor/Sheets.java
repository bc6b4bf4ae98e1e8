package org.openhotline.server.editor;

import java.util.List;
import java.util.function.IntUnaryOperator;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What the report workbooks share: a bold heading row and rows of numbers or text, so every download looks alike. */
final class Sheets {
    private Sheets() {}

    static CellStyle bold(XSSFWorkbook wb) {
        CellStyle head = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        head.setFont(bold);
        return head;
    }

    /** A new sheet whose first row is {@code headings} in {@code head}; column i is {@code widthChars(i)} characters wide. */
    static Sheet headed(XSSFWorkbook wb, String name, CellStyle head, List<String> headings, IntUnaryOperator widthChars) {
        Sheet s = wb.createSheet(name);
        Row r = s.createRow(0);
        for (int i = 0; i < headings.size(); i++) {
            var c = r.createCell(i);
            c.setCellValue(headings.get(i));
            c.setCellStyle(head);
            s.setColumnWidth(i, widthChars.applyAsInt(i) * 256);
        }
        return s;
    }

    /** Appends a row: numbers as numbers (Excel sums them), anything else as text; {@code style} may be null. */
    static void add(Sheet s, CellStyle style, Object... values) {
        Row r = s.createRow(s.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            var c = r.createCell(i);
            if (values[i] instanceof Number n) c.setCellValue(n.doubleValue());
            else c.setCellValue(values[i] == null ? "" : values[i].toString());
            if (style != null) c.setCellStyle(style);
        }
    }
}
