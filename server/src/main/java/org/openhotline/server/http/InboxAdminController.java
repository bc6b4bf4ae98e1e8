package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.inbox.QuestionCluster;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.workflow.Change;
import org.openhotline.server.editor.EditorServices;

/** {@code /api/admin/inbox}: unanswered questions clustered by meaning, and the three things an editor does with a cluster. */
final class InboxAdminController {
    static final int MAX_EXAMPLES = 5;
    private final ObjectMapper json;
    private final EditorServices editor;

    InboxAdminController(ObjectMapper json, EditorServices editor) {
        this.json = json;
        this.editor = editor;
    }

    private int days(Context ctx) {
        return EditorRequest.intParam(ctx, "days", editor.inboxDays(), 1, 366);
    }

    void list(Context ctx) {
        long t0 = System.nanoTime();
        List<QuestionCluster> clusters = editor.inbox().clusters(days(ctx));
        int limit = EditorRequest.intParam(ctx, "limit", 100, 1, 1000);
        ctx.json(HttpServer.map("days", days(ctx), "count", clusters.size(), "questions", clusters.stream().mapToInt(QuestionCluster::count).sum(),
                "millis", (System.nanoTime() - t0) / 1_000_000,
                "clusters", clusters.stream().limit(limit).map(InboxAdminController::view).toList()));
    }

    static Map<String, Object> view(QuestionCluster c) {
        return HttpServer.map("id", c.id(), "label", c.label(), "count", c.count(), "distinct", c.texts().size(),
                "examples", c.texts().subList(0, Math.min(MAX_EXAMPLES, c.texts().size())), "reasons", c.reasons(), "entries", c.entries(),
                "firstSeen", c.firstSeen().toString(), "lastSeen", c.lastSeen().toString(),
                "trend", HttpServer.map("lastWeek", c.lastWeek(), "weekBefore", c.weekBefore()));
    }

    void similar(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        String entryId = EditorRequest.required(EditorRequest.body(json, ctx, false, "entryId"), "entryId", 64);
        Change c = editor.inbox().addAsSimilar(actor, ctx.pathParam("clusterId"), entryId, days(ctx));
        ctx.status(201).json(EditorRequest.change(json, c));
    }

    void newEntry(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        JsonNode body = EditorRequest.body(json, ctx, false, "entry");
        Entry entry = EditorRequest.entry(json, body, "entry");
        if (entry == null) throw new BadRequest(400, "missing_entry", "field 'entry' is required: the new entry's question and answer");
        Change c = editor.inbox().newEntry(actor, ctx.pathParam("clusterId"), entry, days(ctx));
        ctx.status(201).json(EditorRequest.change(json, c));
    }

    void dismiss(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        ctx.json(view(editor.inbox().dismiss(actor, ctx.pathParam("clusterId"), days(ctx))));
    }
}
