package org.openhotline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.StringReader;
import java.util.List;
import org.openhotline.kb.workflow.TestQuestion;
import org.openhotline.kb.workflow.TestQuestionFile;
import org.openhotline.server.editor.EditorServices;

/**
 * {@code /api/admin/kb/test-questions}: the saved questions the publish gate replays. POST takes the eval's JSON
 * Lines (one question a line, e.g. eval/data/sample-queries.jsonl), all or nothing.
 */
final class TestQuestionAdminController {
    private final ObjectMapper json;
    private final EditorServices editor;

    TestQuestionAdminController(ObjectMapper json, EditorServices editor) {
        this.json = json;
        this.editor = editor;
    }

    void list(Context ctx) {
        List<TestQuestion> all = editor.testQuestions().all();
        ctx.json(HttpServer.map("count", all.size(), "questions", all.stream().map(q -> HttpServer.map("qid", q.qid(), "query", q.query(),
                "kind", q.kind(), "expected_ids", q.expectedIds())).toList()));
    }

    void add(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        String body = ctx.body();
        if (body == null || body.isBlank()) throw new BadRequest(400, "empty_body", "send test questions as JSON Lines: {\"qid\",\"query\",\"kind\",\"expected_ids\"} a line");
        List<TestQuestion> qs;
        try {
            qs = TestQuestionFile.read(new StringReader(body));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_question", e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int fresh = editor.testQuestions().save(qs, actor.name());
        editor.workflow().audit().record(actor, "test_questions", "test-questions", qs.size() + " saved, " + fresh + " new", null, null);
        ctx.status(201).json(HttpServer.map("saved", qs.size(), "new", fresh, "total", editor.testQuestions().all().size()));
    }

    void remove(Context ctx) {
        var actor = EditorRequest.actor(ctx);
        String qid = ctx.pathParam("qid");
        if (!editor.testQuestions().remove(qid)) throw new org.openhotline.kb.workflow.WorkflowException(org.openhotline.kb.workflow.WorkflowException.Reason.NOT_FOUND, "no_question", "there is no test question " + qid);
        editor.workflow().audit().record(actor, "test_question_removed", "test-questions", qid, null, null);
        ctx.status(204);
    }
}
