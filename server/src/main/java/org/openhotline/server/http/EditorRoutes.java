package org.openhotline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.openhotline.kb.workflow.RegressionRefused;
import org.openhotline.kb.workflow.WorkflowException;
import org.openhotline.server.editor.EditorServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The editors' API routes, in one place so HttpServer only hooks them in; a broken workflow rule answers 400/403/404/409. */
final class EditorRoutes {
    private static final Logger log = LoggerFactory.getLogger(EditorRoutes.class);

    /** A request attribute set when an editor route answered an error itself, so the generic 404 page leaves it alone. */
    static final String ANSWERED = "editor-answered";

    private EditorRoutes() {}

    static void register(Javalin app, ObjectMapper json, EditorServices editor) {
        ChangeAdminController changes = new ChangeAdminController(json, editor);
        app.post("/api/admin/kb/changes", changes::create);
        app.get("/api/admin/kb/changes", changes::list);
        app.post("/api/admin/kb/changes/approve", changes::approveAll); // before {id}: "approve" is no id
        app.get("/api/admin/kb/changes/{id}", changes::one);
        app.post("/api/admin/kb/changes/{id}/approve", changes::approve);
        app.post("/api/admin/kb/changes/{id}/reject", changes::reject);
        app.post("/api/admin/kb/changes/{id}/withdraw", changes::withdraw);
        app.get("/api/admin/kb/publish/check", changes::check);
        app.post("/api/admin/kb/publish", changes::publish);
        app.post("/api/admin/kb/schedules", changes::schedule);
        app.get("/api/admin/kb/schedules", changes::schedules);
        app.delete("/api/admin/kb/schedules/{id}", changes::cancelSchedule);
        app.get("/api/admin/kb/audit", changes::audit);
        VersionAdminController versions = new VersionAdminController(json, editor);
        app.get("/api/admin/kb/versions", versions::versions);
        app.get("/api/admin/kb/versions/{n}/diff", versions::diff);
        app.post("/api/admin/kb/versions/{n}/rollback", versions::rollback);
        app.get("/api/admin/kb/expiring", versions::expiring);
        EntrySearchController search = new EntrySearchController(json, editor);
        app.get("/api/admin/kb/entries", search::search);
        app.get("/api/admin/kb/entries/{id}", versions::entry);
        KbFileController files = new KbFileController(json, editor);
        app.post("/api/admin/kb/import", files::importFile);
        app.get("/api/admin/kb/export", files::export);
        ReportController reports = new ReportController(editor);
        app.get("/api/admin/reports/questions", reports::report);
        app.get("/api/admin/reports/questions/export", reports::export);
        app.post("/api/admin/kb/check-similar", versions::checkSimilar);
        TestQuestionAdminController tests = new TestQuestionAdminController(json, editor);
        app.get("/api/admin/kb/test-questions", tests::list);
        app.post("/api/admin/kb/test-questions", tests::add);
        app.delete("/api/admin/kb/test-questions/{qid}", tests::remove);
        InboxAdminController inbox = new InboxAdminController(json, editor);
        app.get("/api/admin/inbox", inbox::list);
        app.post("/api/admin/inbox/{clusterId}/similar", inbox::similar);
        app.post("/api/admin/inbox/{clusterId}/new-entry", inbox::newEntry);
        app.post("/api/admin/inbox/{clusterId}/dismiss", inbox::dismiss);
        app.exception(RegressionRefused.class, (e, ctx) -> {
            log.info("refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.attribute(ANSWERED, true);
            ctx.status(409).json(HttpServer.map("error", e.code(), "message", e.getMessage(), "report", e.report()));
        });
        app.exception(WorkflowException.class, (e, ctx) -> {
            log.info("refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.attribute(ANSWERED, true);
            ctx.status(EditorRequest.status(e)).json(new ApiError(e.code(), e.getMessage()));
        });
    }
}
