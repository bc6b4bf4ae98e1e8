package org.openhotline.server.editor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openhotline.desk.report.ServiceFigures;
import org.openhotline.desk.report.ServiceReport;

/**
 * The service-level report as an Excel workbook for the bureau's daily / weekly / monthly operating reports (接线量、
 * 满意度、坐席指标): a totals sheet, then per day, per group and per day × group, one column per figure, in Chinese.
 */
public final class ServiceWorkbook {
    private static final List<String> FIGURES = List.of("转人工量", "接起量", "接起率", "N秒内接起", "服务水平", "平均等待(秒)", "P90等待(秒)",
            "排队中放弃", "排队超时", "漏接电话", "回电接通", "回电率", "受理率", "评价数", "平均满意度");

    private ServiceWorkbook() {}

    public static byte[] write(ServiceReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = Sheets.bold(wb);
            Sheet s = sheet(wb, "合计", head, List.of("项目", "数值"));
            add(s, "统计期间", r.from() + " 至 " + r.to());
            add(s, "渠道", r.channel() == null ? "全部" : r.channel());
            add(s, "服务水平阈值(秒)", r.withinSeconds());
            List<Object> totals = values(r.totals());
            for (int i = 0; i < FIGURES.size(); i++) add(s, FIGURES.get(i), totals.get(i));
            s = sheet(wb, "按日", head, with("日期"));
            for (ServiceReport.Day d : r.days()) add(s, row(d.day().toString(), d.figures()));
            s = sheet(wb, "按技能组", head, with("技能组"));
            for (ServiceReport.Group g : r.groups()) add(s, row(g.group(), g.figures()));
            s = sheet(wb, "按日按技能组", head, with("日期", "技能组"));
            for (ServiceReport.DayGroup g : r.rows()) add(s, row(g.day().toString(), g.group(), g.figures()));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures in {@link #FIGURES}' order; rates as percentages with one decimal, "" when there is none. */
    static List<Object> values(ServiceFigures f) {
        List<Object> v = new ArrayList<>();
        v.add(f.offered());
        v.add(f.answered());
        v.add(pct(f.answerRate()));
        v.add(f.answeredWithin());
        v.add(pct(f.serviceLevel()));
        v.add(round(f.averageWaitSeconds()));
        v.add(round(f.p90WaitSeconds()));
        v.add(f.abandoned());
        v.add(f.timedOut());
        v.add(f.missedCalls());
        v.add(f.reached());
        v.add(pct(f.callbackRate()));
        v.add(pct(f.acceptanceRate()));
        v.add(f.ratings());
        v.add(f.ratingAverage() == null ? "" : String.format("%.2f", f.ratingAverage()));
        return v;
    }

    private static Object pct(Double rate) {
        return rate == null ? "" : String.format("%.1f%%", 100 * rate);
    }

    private static Object round(Double seconds) {
        if (seconds == null) return "";
        return Math.round(seconds * 10) / 10.0;
    }

    private static List<String> with(String... first) {
        List<String> h = new ArrayList<>(List.of(first));
        h.addAll(FIGURES);
        return h;
    }

    private static Object[] row(Object a, ServiceFigures f) {
        List<Object> v = new ArrayList<>(List.of(a));
        v.addAll(values(f));
        return v.toArray();
    }

    private static Object[] row(Object a, Object b, ServiceFigures f) {
        List<Object> v = new ArrayList<>(List.of(a, b));
        v.addAll(values(f));
        return v.toArray();
    }

    private static Sheet sheet(XSSFWorkbook wb, String name, CellStyle head, List<String> headings) {
        return Sheets.headed(wb, name, head, headings, i -> 14);
    }

    private static void add(Sheet s, Object... values) {
        Sheets.add(s, null, values);
    }
}
