package org.openhotline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.openhotline.kb.workflow.EntrySearch;
import org.openhotline.server.editor.EditorServices;

/**
 * {@code GET /api/admin/kb/entries}: the console's entry list, searched and paged on the server (text, category,
 * state, validity ending within N days, last change) instead of shipping a whole version to the page.
 */
final class EntrySearchController {
    private final ObjectMapper json;
    private final EditorServices editor;

    EntrySearchController(ObjectMapper json, EditorServices editor) {
        this.json = json;
        this.editor = editor;
    }

    void search(Context ctx) {
        EntrySearch.Criteria c = criteria(ctx, EditorRequest.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                EditorRequest.intParam(ctx, "limit", 50, 1, EntrySearch.MAX_LIMIT));
        EntrySearch.Page page = editor.workflow().search(c);
        ctx.json(HttpServer.map("total", page.total(), "offset", page.offset(), "limit", c.limit(), "categories", page.categories(),
                "version", editor.store().currentVersion().map(v -> v.number()).orElse(0),
                "entries", page.hits().stream().map(h -> hit(h)).toList()));
    }

    private Map<String, Object> hit(EntrySearch.Hit h) {
        return HttpServer.map("entry", EditorRequest.entryJson(json, h.entry()), "state", h.state().wireName(),
                "lastChanged", h.lastChanged() == null ? null : h.lastChanged().toString(),
                "openChange", h.openChange() == null ? null : EditorRequest.change(json, h.openChange()));
    }

    /** The filters of the query string ({@code q, category, state, expiringDays, changedFrom, changedTo, sort}); bad values are 400s. */
    static EntrySearch.Criteria criteria(Context ctx, int offset, int limit) {
        String state = blankToNull(ctx.queryParam("state"));
        EntrySearch.State st;
        try {
            st = state == null ? null : EntrySearch.State.parse(state);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_state", e.getMessage());
        }
        String sort = blankToNull(ctx.queryParam("sort"));
        if (sort != null && !sort.equals("id") && !sort.equals("changed")) throw new BadRequest(400, "bad_sort", "sort must be id or changed");
        String expiring = blankToNull(ctx.queryParam("expiringDays"));
        Integer days = expiring == null ? null : EditorRequest.intParam(ctx, "expiringDays", 0, 0, 3660);
        String text = blankToNull(ctx.queryParam("q"));
        if (text != null && text.length() > 200) throw new BadRequest(400, "q_too_long", "q is longer than 200 characters");
        return new EntrySearch.Criteria(text, blankToNull(ctx.queryParam("category")), st, days,
                date(ctx, "changedFrom"), date(ctx, "changedTo"), sort == null ? "id" : sort, offset, limit);
    }

    static LocalDate date(Context ctx, String name) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, "bad_" + name, name + " must be a date like 2026-03-06");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
