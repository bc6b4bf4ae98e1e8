package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.workflow.AuditEvent;
import org.openhotline.kb.workflow.Change;
import org.openhotline.kb.workflow.ChangeKind;
import org.openhotline.kb.workflow.ChangeStatus;
import org.openhotline.kb.workflow.EditorialWorkflow;
import org.openhotline.kb.workflow.PublishGate;
import org.openhotline.kb.workflow.PublishSchedule;
import org.openhotline.server.editor.EditorServices;

/**
 * {@code /api/admin/kb/changes}, {@code /publish}, {@code /schedules}, {@code /audit}: drafts, review, publishing
 * now or at a time, and the audit trail of the editors' workflow.
 */
final class ChangeAdminController {
    static final int MAX_COMMENT = 1000;
    private final ObjectMapper json;
    private final EditorServices editor;

    ChangeAdminController(ObjectMapper json, EditorServices editor) {
        this.json = json;
        this.editor = editor;
    }

    private EditorialWorkflow flow() {
        return editor.workflow();
    }

    void create(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        JsonNode body = EditorRequest.body(json, ctx, false, "kind", "entryId", "entry");
        ChangeKind kind;
        try {
            kind = ChangeKind.parse(EditorRequest.required(body, "kind", 10));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_kind", e.getMessage());
        }
        Entry entry = EditorRequest.entry(json, body, "entry");
        String entryId = EditorRequest.text(body, "entryId", 64);
        if (entryId == null && entry != null) entryId = entry.id();
        Change c = flow().draft(actor, kind, entryId, entry);
        ctx.status(201).json(EditorRequest.change(json, c));
    }

    void list(Context ctx) {
        String s = ctx.queryParam("status");
        ChangeStatus status;
        try {
            status = s == null || s.isBlank() ? null : ChangeStatus.parse(s);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_status", e.getMessage());
        }
        List<Change> changes = flow().changes().list(status, EditorRequest.intParam(ctx, "limit", 200, 1, 1000));
        ctx.json(HttpServer.map("count", changes.size(), "changes", changes.stream().map(c -> EditorRequest.change(json, c)).toList()));
    }

    void one(Context ctx) {
        long id = EditorRequest.pathInt(ctx, "id");
        Change c = flow().changes().find(id).orElseThrow(() -> new org.openhotline.kb.workflow.WorkflowException(org.openhotline.kb.workflow.WorkflowException.Reason.NOT_FOUND, "no_change", "there is no change " + id));
        ctx.json(EditorRequest.change(json, c));
    }

    void approve(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        String comment = EditorRequest.text(EditorRequest.body(json, ctx, true, "comment"), "comment", MAX_COMMENT);
        ctx.json(EditorRequest.change(json, flow().approve(actor, EditorRequest.pathInt(ctx, "id"), comment)));
    }

    /** {@code {"ids":[…],"comment"}}: several drafts approved at once, or none (an import's drafts, typically). */
    void approveAll(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        JsonNode body = EditorRequest.body(json, ctx, false, "ids", "comment");
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > 1000) throw new BadRequest(400, "bad_ids", "field 'ids' must be a list of 1 to 1000 change ids");
        List<Long> list = new java.util.ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong()) throw new BadRequest(400, "bad_ids", "field 'ids' must hold whole numbers");
            list.add(id.asLong());
        }
        List<Change> done = flow().approveAll(actor, list, EditorRequest.text(body, "comment", MAX_COMMENT));
        ctx.json(HttpServer.map("count", done.size(), "changes", done.stream().map(c -> EditorRequest.change(json, c)).toList()));
    }

    void reject(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        String comment = EditorRequest.text(EditorRequest.body(json, ctx, true, "comment"), "comment", MAX_COMMENT);
        ctx.json(EditorRequest.change(json, flow().reject(actor, EditorRequest.pathInt(ctx, "id"), comment)));
    }

    void withdraw(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        ctx.json(EditorRequest.change(json, flow().withdraw(actor, EditorRequest.pathInt(ctx, "id"))));
    }

    /** The gate's verdict on publishing what is approved now, without publishing: the publish page's preview. */
    void check(Context ctx) {
        PublishGate.Verdict v = flow().check();
        ctx.json(HttpServer.map("approved", flow().changes().list(ChangeStatus.APPROVED, Integer.MAX_VALUE).size(),
                "regression", v.regression(), "summary", v.summary(), "report", v.report()));
    }

    void publish(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        JsonNode body = EditorRequest.body(json, ctx, true, "note", "override");
        EditorialWorkflow.Published p = flow().publish(actor, EditorRequest.text(body, "note", 200), EditorRequest.text(body, "override", MAX_COMMENT));
        ctx.status(201).json(HttpServer.map("version", p.version().number(), "entries", p.version().entryCount(), "changes", p.changeIds(),
                "regression", p.verdict().regression(), "report", p.verdict().report()));
    }

    void schedule(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        JsonNode body = EditorRequest.body(json, ctx, false, "at", "note", "override");
        String at = EditorRequest.required(body, "at", 40);
        Instant due;
        try {
            due = OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, "bad_at", "field 'at' must be a date-time with offset, e.g. 2026-03-06T18:00:00+08:00");
        }
        PublishSchedule s = flow().schedule(actor, due, EditorRequest.text(body, "note", 200), EditorRequest.text(body, "override", MAX_COMMENT));
        ctx.status(201).json(schedule(s));
    }

    void schedules(Context ctx) {
        List<PublishSchedule> all = flow().schedules().list();
        ctx.json(HttpServer.map("count", all.size(), "schedules", all.stream().map(ChangeAdminController::schedule).toList()));
    }

    void cancelSchedule(Context ctx) {
        ctx.json(schedule(flow().cancelSchedule(EditorRequest.actor(ctx), EditorRequest.pathInt(ctx, "id"))));
    }

    void audit(Context ctx) {
        String subject = ctx.queryParam("subject");
        List<AuditEvent> events = flow().audit().recent(subject == null || subject.isBlank() ? null : subject, EditorRequest.intParam(ctx, "limit", 100, 1, 1000));
        ctx.json(HttpServer.map("count", events.size(), "events", events.stream().map(e -> HttpServer.map("id", e.id(), "at", e.at().toString(),
                "actor", e.actor(), "role", e.role(), "action", e.action(), "subject", e.subject(), "detail", e.detail(),
                "before", parse(e.beforeJson()), "after", parse(e.afterJson()))).toList()));
    }

    private Object parse(String s) {
        if (s == null) return null;
        try {
            return json.readTree(s);
        } catch (java.io.IOException e) {
            return s;
        }
    }

    static Map<String, Object> schedule(PublishSchedule s) {
        return HttpServer.map("id", s.id(), "at", s.dueAt().toString(), "note", s.note(), "createdBy", s.createdBy(),
                "override", s.overrideReason(), "status", s.status(), "version", s.version(), "outcome", s.outcome());
    }
}
