package org.openhotline.server.editor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openhotline.bot.inbox.QuestionCluster;
import org.openhotline.bot.report.QuestionReport;
import org.openhotline.kb.model.Entry;

/**
 * The hot and hardest questions report as an Excel workbook for the bureau's biweekly and monthly reports: an
 * overview sheet and one sheet per list, headings in Chinese, entry ids resolved to their question and category.
 */
public final class ReportWorkbook {
    /** Reason codes as the report's readers say them. */
    public static final Map<String, String> REASONS = Map.of("answered", "已回答", "fallback", "未能回答", "clarify", "反问澄清",
            "low_confidence", "低置信度", "unhelpful", "被标记无用", "transfer_after_answer", "答后转人工");

    private ReportWorkbook() {}

    public static byte[] write(QuestionReport r, Map<String, Entry> entries, ZoneId zone) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = Sheets.bold(wb);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Sheet s = sheet(wb, "概览", head, List.of("项目", "数值"));
            add(s, wrap, "统计期间", r.from().atZone(zone).toLocalDate() + " 至 " + r.to().minusSeconds(1).atZone(zone).toLocalDate());
            add(s, wrap, "知识库问题数", r.asked());
            add(s, wrap, "直接回答", r.answered());
            add(s, wrap, "反问澄清", r.clarified());
            add(s, wrap, "未能回答", r.fallbacks());
            add(s, wrap, "回答率", r.asked() == 0 ? "" : String.format("%.1f%%", 100.0 * r.answered() / r.asked()));
            add(s, wrap, "参与语义聚类的问题数", r.clustered());

            s = sheet(wb, "热点问题（条目）", head, List.of("排名", "条目编号", "标准问题", "分类", "回答次数", "会话数", "上期次数"));
            int rank = 0;
            for (QuestionReport.EntryCount e : r.hotEntries()) {
                Entry en = entries.get(e.entryId());
                add(s, wrap, ++rank, e.entryId(), en == null ? "（已删除）" : en.question(), en == null ? "" : en.category(), e.count(), e.sessions(), e.previous());
            }
            clusters(wb, "热点问题（聚类）", head, wrap, r.hotClusters());

            s = sheet(wb, "难点问题（条目）", head, List.of("排名", "条目编号", "标准问题", "分类", "问题次数", "原因", "示例问题"));
            rank = 0;
            for (QuestionReport.HardEntry e : r.hardEntries()) {
                Entry en = entries.get(e.entryId());
                add(s, wrap, ++rank, e.entryId(), en == null ? "（已删除）" : en.question(), en == null ? "" : en.category(), e.total(),
                        reasons(e.reasons()), String.join("\n", e.examples()));
            }
            clusters(wb, "难点问题（聚类）", head, wrap, r.hardClusters());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clusters(XSSFWorkbook wb, String name, CellStyle head, CellStyle wrap, List<QuestionCluster> clusters) {
        Sheet s = sheet(wb, name, head, List.of("排名", "代表问题", "次数", "不同问法", "原因", "相关条目", "示例问题", "近7天", "前7天"));
        int rank = 0;
        for (QuestionCluster c : clusters) {
            add(s, wrap, ++rank, c.label(), c.count(), c.texts().size(), reasons(c.reasons()), String.join("、", c.entries().keySet()),
                    String.join("\n", c.texts().subList(0, Math.min(5, c.texts().size()))), c.lastWeek(), c.weekBefore());
        }
    }

    static String reasons(Map<String, Integer> reasons) {
        StringBuilder sb = new StringBuilder();
        reasons.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "、").append(REASONS.getOrDefault(k, k)).append(' ').append(v));
        return sb.toString();
    }

    private static Sheet sheet(XSSFWorkbook wb, String name, CellStyle head, List<String> headings) {
        return Sheets.headed(wb, name, head, headings, i -> i == 0 ? 8 : 20);
    }

    private static void add(Sheet s, CellStyle wrap, Object... values) {
        Sheets.add(s, wrap, values);
    }
}
