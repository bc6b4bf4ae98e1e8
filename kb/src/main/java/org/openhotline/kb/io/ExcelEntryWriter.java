package org.openhotline.kb.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

/** Writes the editors' template ({@link ExcelTemplate}), one entry a row, similar questions one a line. */
public final class ExcelEntryWriter {

    public void write(List<Entry> entries, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("知识库");
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int i = 0; i < ExcelTemplate.COLUMNS.size(); i++) header.createCell(i).setCellValue(ExcelTemplate.COLUMNS.get(i));
            int r = 1;
            for (Entry e : entries) {
                Row row = sheet.createRow(r++);
                String[] values = {
                        e.id(), e.question(), String.join("\n", e.similar()), e.answer(), e.category(),
                        e.voiceAnswer() == null ? "" : e.voiceAnswer(), String.join(";", e.keywords()),
                        e.validFrom() == null ? "" : e.validFrom().toString(),
                        e.validTo() == null ? "" : e.validTo().toString(),
                        e.status() == EntryStatus.PUBLISHED ? "启用" : "停用"};
                for (int i = 0; i < values.length; i++) {
                    var cell = row.createCell(i);
                    cell.setCellValue(values[i]);
                    cell.setCellStyle(wrap);
                }
            }
            sheet.setColumnWidth(1, 40 * 256);
            sheet.setColumnWidth(2, 40 * 256);
            sheet.setColumnWidth(3, 80 * 256);
            wb.write(out);
        }
    }
}
