package org.openhotline.server.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.bot.report.QuestionReport;
import org.openhotline.kb.model.Entry;
import org.openhotline.server.editor.EditorServices;
import org.openhotline.server.editor.ReportWorkbook;

/**
 * {@code /api/admin/reports/questions}: the hot and hardest questions of a date range (default: the last 7 days,
 * today included), as JSON for the console's 报表 view and as an Excel workbook ({@code …/export}).
 */
final class ReportController {
    static final int MAX_DAYS = 366;
    private final EditorServices editor;

    ReportController(EditorServices editor) {
        this.editor = editor;
    }

    private record Range(LocalDate from, LocalDate to) {}

    private record Computed(Range range, QuestionReport report, Map<String, Entry> entries) {}

    private Computed compute(Context ctx) {
        ZoneId zone = editor.clock().getZone();
        LocalDate today = LocalDate.now(editor.clock());
        LocalDate to = EntrySearchController.date(ctx, "to");
        LocalDate from = EntrySearchController.date(ctx, "from");
        if (to == null) to = today;
        if (from == null) from = to.minusDays(6);
        if (from.isAfter(to)) throw new BadRequest(400, "bad_range", "from is after to");
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) throw new BadRequest(400, "bad_range", "a report covers at most " + MAX_DAYS + " days");
        int top = EditorRequest.intParam(ctx, "top", editor.settings().reportTop(), 1, 500);
        QuestionReport r = editor.reports().report(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), top);
        Map<String, Entry> entries = new HashMap<>();
        for (Entry e : editor.workflow().currentEntries()) entries.put(e.id(), e);
        return new Computed(new Range(from, to), r, entries);
    }

    void report(Context ctx) {
        Computed c = compute(ctx);
        QuestionReport r = c.report();
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (QuestionReport.EntryCount e : r.hotEntries()) {
            Entry en = c.entries().get(e.entryId());
            categories.merge(en == null || en.topCategory().isEmpty() ? "（未分类）" : en.topCategory(), e.count(), Integer::sum);
        }
        ctx.json(HttpServer.map("from", c.range().from().toString(), "to", c.range().to().toString(),
                "asked", r.asked(), "answered", r.answered(), "clarified", r.clarified(), "fallbacks", r.fallbacks(), "clustered", r.clustered(),
                "hotEntries", r.hotEntries().stream().map(e -> withEntry(c.entries().get(e.entryId()), HttpServer.map("entryId", e.entryId(),
                        "count", e.count(), "sessions", e.sessions(), "previous", e.previous()))).toList(),
                "hotCategories", categories.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .map(e -> HttpServer.map("category", e.getKey(), "count", e.getValue())).toList(),
                "hotClusters", r.hotClusters().stream().map(InboxAdminController::view).toList(),
                "hardEntries", r.hardEntries().stream().map(e -> withEntry(c.entries().get(e.entryId()), HttpServer.map("entryId", e.entryId(),
                        "total", e.total(), "reasons", e.reasons(), "examples", e.examples()))).toList(),
                "hardClusters", r.hardClusters().stream().map(InboxAdminController::view).toList()));
    }

    void export(Context ctx) {
        Computed c = compute(ctx);
        byte[] xlsx = ReportWorkbook.write(c.report(), c.entries(), editor.clock().getZone());
        FileReply.send(ctx, "问题报表-" + c.range().from() + "-" + c.range().to() + ".xlsx", FileReply.XLSX, xlsx);
    }

    private static Map<String, Object> withEntry(Entry e, Map<String, Object> m) {
        m.put("question", e == null ? null : e.question());
        m.put("category", e == null ? null : e.category());
        return m;
    }
}
