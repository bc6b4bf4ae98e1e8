package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.KbVersion;
import org.openhotline.kb.workflow.ExpiringEntries;
import org.openhotline.kb.workflow.VersionDiff;
import org.openhotline.server.editor.CollisionCheck;
import org.openhotline.server.editor.EditorServices;

/**
 * {@code /api/admin/kb/versions}, their diff and one-action rollback, entries about to expire, one entry, and the
 * collision check an editor runs before saving a similar question.
 */
final class VersionAdminController {
    private final ObjectMapper json;
    private final EditorServices editor;

    VersionAdminController(ObjectMapper json, EditorServices editor) {
        this.json = json;
        this.editor = editor;
    }

    void versions(Context ctx) {
        List<KbVersion> vs = editor.store().versions();
        ctx.json(HttpServer.map("count", vs.size(), "versions", vs.stream().map(v -> HttpServer.map("version", v.number(),
                "publishedAt", v.publishedAt().toString(), "note", v.note(), "entries", v.entryCount())).toList()));
    }

    /** Against the previous version, or {@code ?against=m}. */
    void diff(Context ctx) {
        int n = EditorRequest.pathInt(ctx, "n");
        requireVersion(n);
        int against = EditorRequest.intParam(ctx, "against", n - 1, 0, Integer.MAX_VALUE);
        if (against != 0) requireVersion(against);
        List<Entry> older = against == 0 ? List.of() : editor.store().entries(against);
        VersionDiff d = VersionDiff.between(older, editor.store().entries(n));
        ctx.json(HttpServer.map("version", n, "against", against,
                "added", EditorRequest.entries(json, d.added()),
                "removed", EditorRequest.entries(json, d.removed()),
                "changed", d.changed().stream().map(c -> HttpServer.map("entryId", c.entryId(), "fields", c.fields(),
                        "similarAdded", c.similarAdded(), "similarRemoved", c.similarRemoved(),
                        "values", c.values().entrySet().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                                e -> HttpServer.map("before", e.getValue()[0], "after", e.getValue()[1]), (a, b) -> a, java.util.LinkedHashMap::new)),
                        "before", EditorRequest.entryJson(json, c.before()), "after", EditorRequest.entryJson(json, c.after()))).toList()));
    }

    void rollback(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        String note = EditorRequest.text(EditorRequest.body(json, ctx, true, "note"), "note", 200);
        KbVersion v = editor.workflow().rollback(actor, EditorRequest.pathInt(ctx, "n"), note);
        ctx.status(201).json(HttpServer.map("version", v.number(), "entries", v.entryCount(), "note", v.note()));
    }

    void expiring(Context ctx) {
        int days = EditorRequest.intParam(ctx, "days", editor.settings().expiryReminderDays(), 0, 366);
        LocalDate today = LocalDate.now(editor.clock());
        List<Entry> current = editor.workflow().currentEntries();
        List<Entry> soon = ExpiringEntries.within(current, today, days);
        List<Entry> expired = ExpiringEntries.expired(current, today);
        ctx.json(HttpServer.map("today", today.toString(), "days", days, "count", soon.size(),
                "entries", soon.stream().map(e -> HttpServer.map("id", e.id(), "question", e.question(), "category", e.category(),
                        "validTo", e.validTo().toString(), "daysLeft", java.time.temporal.ChronoUnit.DAYS.between(today, e.validTo()))).toList(),
                "expired", expired.stream().map(e -> HttpServer.map("id", e.id(), "question", e.question(), "validTo", e.validTo().toString())).toList()));
    }

    void entry(Context ctx) {
        String id = ctx.pathParam("id");
        Entry e = editor.workflow().currentEntry(id).orElseThrow(() -> new org.openhotline.kb.workflow.WorkflowException(org.openhotline.kb.workflow.WorkflowException.Reason.NOT_FOUND, "no_entry", "there is no entry " + id + " in the current version"));
        ctx.json(EditorRequest.entryJson(json, e));
    }

    void checkSimilar(Context ctx) {
        JsonNode body = EditorRequest.body(json, ctx, false, "entryId", "question");
        String entryId = EditorRequest.text(body, "entryId", 64);
        String question = EditorRequest.required(body, "question", 500);
        CollisionCheck.Result r;
        try {
            r = editor.collisions().check(entryId == null ? "" : entryId, question);
        } catch (IllegalStateException e) {
            throw new BadRequest(503, "starting", e.getMessage());
        }
        ctx.json(HttpServer.map("question", r.question(), "entryId", entryId, "collision", r.collision(), "ownRank", r.ownRank(),
                "others", r.others()));
    }

    private void requireVersion(int n) {
        if (editor.store().version(n).isEmpty()) throw new org.openhotline.kb.workflow.WorkflowException(org.openhotline.kb.workflow.WorkflowException.Reason.NOT_FOUND, "no_version", "there is no knowledge-base version " + n);
    }
}
