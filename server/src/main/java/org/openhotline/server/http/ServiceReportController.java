package org.openhotline.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;
import org.openhotline.desk.report.ServiceFigures;
import org.openhotline.desk.report.ServiceLevels;
import org.openhotline.desk.report.ServiceReport;
import org.openhotline.server.auth.Gate;
import org.openhotline.server.editor.ServiceWorkbook;

/**
 * {@code /api/admin/reports/service}: 接起率 / 回电率 / 受理率 and the other service-level figures of a date range
 * (default: the last 7 days, today included) as JSON for the console's 服务水平 section, and as Excel ({@code …/export}).
 * Supervisors and admins see every group; a group leader (admitted by AdminApiGate) only the groups of their account.
 */
public final class ServiceReportController {
    /** The tender's target: "完成 100%的咨询受理率，即 95%接起率 + 5%回电率". */
    static final double ANSWER_TARGET = 0.95;
    static final double ACCEPTANCE_TARGET = 1.0;
    private final ServiceLevels levels;

    public ServiceReportController(ServiceLevels levels) {
        this.levels = levels;
    }

    public void register(Javalin app) {
        app.get("/api/admin/reports/service", this::report);
        app.get("/api/admin/reports/service/export", this::export);
    }

    private ServiceReport compute(Context ctx) {
        LocalDate today = LocalDate.now(levels.zone());
        LocalDate to = EntrySearchController.date(ctx, "to");
        LocalDate from = EntrySearchController.date(ctx, "from");
        if (to == null) to = today;
        if (from == null) from = to.minusDays(6);
        int within = EditorRequest.intParam(ctx, "within", ServiceLevels.DEFAULT_WITHIN_SECONDS, 0, 3600);
        String channel = ctx.queryParam("channel");
        if (channel != null && !channel.isBlank() && !channel.strip().matches("[a-z]{1,16}")) throw new BadRequest(400, "bad_channel", "channel must be a channel name like voice, web or wechat");
        try {
            return levels.report(from, to, channel, within, visibleGroups(ctx));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_range", e.getMessage());
        }
    }

    /** Null (all groups) for a script with the admin token, a supervisor or an admin; a leader's own groups otherwise. */
    private static Set<String> visibleGroups(Context ctx) {
        if (org.openhotline.server.auth.AuthRoutes.byAdminToken(ctx)) return null;
        Account me = Gate.require(ctx, Role.SUPERVISOR, Role.GROUP_LEADER);
        return me.has(Role.SUPERVISOR) ? null : new LinkedHashSet<>(me.skillGroups());
    }

    void report(Context ctx) {
        ServiceReport r = compute(ctx);
        ctx.json(HttpServer.map("from", r.from().toString(), "to", r.to().toString(), "zone", r.zone().getId(), "channel", r.channel(),
                "within", r.withinSeconds(), "targets", HttpServer.map("answerRate", ANSWER_TARGET, "acceptanceRate", ACCEPTANCE_TARGET),
                "totals", figures(r.totals()),
                "days", r.days().stream().map(d -> with(figures(d.figures()), "day", d.day().toString())).toList(),
                "groups", r.groups().stream().map(g -> with(figures(g.figures()), "group", g.group())).toList(),
                "rows", r.rows().stream().map(x -> with(with(figures(x.figures()), "group", x.group()), "day", x.day().toString())).toList()));
    }

    void export(Context ctx) {
        ServiceReport r = compute(ctx);
        FileReply.send(ctx, "服务水平报表-" + r.from() + "-" + r.to() + ".xlsx", FileReply.XLSX, ServiceWorkbook.write(r));
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, value);
        out.putAll(m);
        return out;
    }

    static Map<String, Object> figures(ServiceFigures f) {
        return HttpServer.map("offered", f.offered(), "answered", f.answered(), "answeredWithin", f.answeredWithin(),
                "averageWaitSeconds", f.averageWaitSeconds(), "p90WaitSeconds", f.p90WaitSeconds(), "abandoned", f.abandoned(),
                "timedOut", f.timedOut(), "missedCalls", f.missedCalls(), "reached", f.reached(), "ratings", f.ratings(),
                "ratingAverage", f.ratingAverage(), "answerRate", f.answerRate(), "callbackRate", f.callbackRate(),
                "acceptanceRate", f.acceptanceRate(), "serviceLevel", f.serviceLevel());
    }
}
