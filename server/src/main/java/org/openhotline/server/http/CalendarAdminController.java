package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhotline.bot.hours.CalendarDay;
import org.openhotline.bot.hours.ReturnTimePhrase;
import org.openhotline.bot.hours.ServiceHours;
import org.openhotline.bot.hours.ServiceKind;
import org.openhotline.bot.hours.SpecialDay;
import org.openhotline.bot.hours.TimeWindow;

/**
 * {@code /api/admin/calendar/*}: the bureau sets special days (closed, or its own hours) without a restart, and checks
 * what any day will be for a group before citizens meet it.
 */
final class CalendarAdminController {
    static final int MAX_VIEW_DAYS = 62;
    private static final List<String> FIELDS = List.of("group", "windows", "note");

    private final ObjectMapper json;
    private final ServiceHours hours;

    CalendarAdminController(ObjectMapper json, ServiceHours hours) {
        this.json = json;
        this.hours = hours;
    }

    void list(Context ctx) {
        LocalDate from = optionalDate(ctx.queryParam("from"), "from");
        LocalDate to = optionalDate(ctx.queryParam("to"), "to");
        List<SpecialDay> days = hours.calendar().specialDays().list(from, to);
        ctx.json(HttpServer.map("count", days.size(), "days", days.stream().map(CalendarAdminController::toJson).toList()));
    }

    void put(Context ctx) {
        LocalDate date = date(ctx.pathParam("date"), "date");
        JsonNode body = JsonBody.object(json, ctx.body(), "a JSON object with windows, note and optionally group", FIELDS);
        String group = JsonBody.text(body, "group", SpecialDay.ALL_GROUPS);
        String note = JsonBody.text(body, "note", "");
        List<String> windows = new ArrayList<>();
        JsonNode w = body.get("windows");
        if (w != null && !w.isNull()) {
            if (!w.isArray()) throw new BadRequest(400, "bad_windows", "field 'windows' must be an array like [\"09:00-12:00\"] ([] = closed)");
            for (JsonNode x : w) {
                if (!x.isTextual()) throw new BadRequest(400, "bad_windows", "each window is a string like \"09:00-12:00\"");
                windows.add(x.asText());
            }
        }
        SpecialDay day;
        try {
            day = new SpecialDay(date, group, TimeWindow.parseAll(windows), note);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_special_day", e.getMessage());
        }
        boolean created = hours.calendar().specialDays().put(day);
        hours.calendar().specialDaysChanged();
        ctx.status(created ? 201 : 200).json(toJson(day));
    }

    void remove(Context ctx) {
        LocalDate date = date(ctx.pathParam("date"), "date");
        String group = ctx.queryParam("group");
        if (!hours.calendar().specialDays().remove(date, group)) {
            throw new BadRequest(404, "not_found", "no special day on " + date + " for " + (group == null || group.isBlank() ? "all groups (*)" : "'" + JsonBody.abbreviate(group) + "'"));
        }
        hours.calendar().specialDaysChanged();
        ctx.status(204);
    }

    /** Each date from..to as a group will meet it: what kind of day, and the windows of each service. */
    void days(Context ctx) {
        LocalDate from = date(ctx.queryParam("from"), "from");
        LocalDate to = ctx.queryParam("to") == null ? from : date(ctx.queryParam("to"), "to");
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_VIEW_DAYS) {
            throw new BadRequest(400, "bad_range", "'to' must be from 'from' up to " + (MAX_VIEW_DAYS - 1) + " days after it");
        }
        String group = ctx.queryParam("group") == null || ctx.queryParam("group").isBlank() ? ServiceHours.DEFAULT_GROUP : ctx.queryParam("group").strip();
        List<Map<String, Object>> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            CalendarDay day = hours.day(group, d);
            Map<String, Object> m = HttpServer.map("date", d.toString(), "weekday", ReturnTimePhrase.weekday(d.getDayOfWeek()),
                    "kind", day.kind().name().toLowerCase(Locale.ROOT), "publicKind", day.publicKind().name().toLowerCase(Locale.ROOT), "name", day.name());
            for (ServiceKind k : ServiceKind.values()) m.put(k.key(), hours.windows(group, k, d).stream().map(TimeWindow::toString).toList());
            out.add(m);
        }
        ctx.json(HttpServer.map("group", group, "knownYears", hours.calendar().years().keySet(), "days", out));
    }

    private static Map<String, Object> toJson(SpecialDay d) {
        return HttpServer.map("date", d.date().toString(), "group", d.group(), "closed", d.isClosed(),
                "windows", d.windows().stream().map(TimeWindow::toString).toList(), "note", d.note());
    }

    private static LocalDate optionalDate(String s, String name) {
        return s == null || s.isBlank() ? null : date(s, name);
    }

    private static LocalDate date(String s, String name) {
        if (s == null || s.isBlank()) throw new BadRequest(400, "missing_" + name, "'" + name + "' is required (yyyy-MM-dd)");
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, "bad_" + name, "'" + name + "' must be a date like 2025-10-09, not '" + JsonBody.abbreviate(s) + "'");
        }
    }
}
