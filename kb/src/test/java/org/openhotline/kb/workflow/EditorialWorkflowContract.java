package org.openhotline.kb.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.JdbcKnowledgeStore;
import org.openhotline.kb.store.KbVersion;

/** The workflow's rules on a real database; run on H2 (unit) and PostgreSQL (IT). */
abstract class EditorialWorkflowContract {
    static final Actor ANNA = new Actor("anna", Role.EDITOR);
    static final Actor BO = new Actor("bo", Role.REVIEWER);
    static final Actor CHEN = new Actor("chen", Role.REVIEWER);

    abstract Database database();

    JdbcKnowledgeStore store;
    AtomicInteger published = new AtomicInteger();
    PublishGate.Verdict nextVerdict = PublishGate.Verdict.pass(null);
    EditorialWorkflow flow;

    @BeforeEach
    void setUp() {
        store = new JdbcKnowledgeStore(database().dataSource());
        store.publish(List.of(entry("a", "旧答案A"), entry("b", "旧答案B")), "base");
        flow = new EditorialWorkflow(store, database().dataSource(), (cur, cand) -> nextVerdict, Clock.systemUTC(), published::incrementAndGet);
    }

    static Entry entry(String id, String answer) {
        return Entry.of(id, "社保", "问题" + id, List.of("说法" + id), answer);
    }

    int current() {
        return store.currentVersion().orElseThrow().number();
    }

    @Test
    void approvingSeveralIsAllOrNothingAndNamesTheEntryAnotherReviewerGotToFirst() {
        Change a = flow.draft(ANNA, ChangeKind.EDIT, "a", entry("a", "新答案A"));
        Change b = flow.draft(ANNA, ChangeKind.EDIT, "b", entry("b", "新答案B"));
        flow.reject(CHEN, b.id(), "答案不全"); // another reviewer, in between
        WorkflowException e = assertThrows(WorkflowException.class, () -> flow.approveAll(BO, List.of(a.id(), b.id()), "导入核对无误"));
        assertEquals("not_draft", e.code());
        assertTrue(e.getMessage().contains("change " + b.id() + " (entry b) is rejected") && e.getMessage().contains("none was approved"), e.getMessage());
        assertEquals(ChangeStatus.DRAFT, flow.changes().find(a.id()).orElseThrow().status(), "the first of the batch was rolled back");
        assertTrue(flow.audit().recent("change:" + a.id(), 10).stream().noneMatch(x -> x.action().equals("approve")));
        assertEquals(List.of(ChangeStatus.APPROVED), flow.approveAll(BO, List.of(a.id(), a.id()), null).stream().map(Change::status).toList());
    }

    @Test
    void anApprovedEditIsPublishedByAReviewerWhoIsNotItsAuthorAndEveryStepIsAudited() {
        Change c = flow.draft(ANNA, ChangeKind.EDIT, "a", entry("a", "新答案A"));
        assertEquals(ChangeStatus.DRAFT, c.status());
        assertEquals("旧答案A", c.before().answer());

        WorkflowException editor = assertThrows(WorkflowException.class, () -> flow.approve(new Actor("dai", Role.EDITOR), c.id(), "ok"));
        assertEquals("not_reviewer", editor.code());
        Change own = flow.draft(BO, ChangeKind.CREATE, null, entry("n", "新条目"));
        assertEquals("own_change", assertThrows(WorkflowException.class, () -> flow.approve(BO, own.id(), "mine")).code());

        assertEquals(ChangeStatus.APPROVED, flow.approve(BO, c.id(), "核对无误").status());
        assertEquals("not_draft", assertThrows(WorkflowException.class, () -> flow.approve(CHEN, c.id(), "again")).code());
        assertEquals(1, current(), "approval alone publishes nothing");

        EditorialWorkflow.Published p = flow.publish(CHEN, "weekly", null);
        assertEquals(2, p.version().number());
        assertEquals(List.of(c.id()), p.changeIds(), "the unapproved create stays a draft");
        assertEquals("新答案A", store.entries(2).stream().filter(e -> e.id().equals("a")).findFirst().orElseThrow().answer());
        assertEquals(2, store.entries(2).size());
        assertEquals(ChangeStatus.PUBLISHED, flow.changes().find(c.id()).orElseThrow().status());
        assertEquals(2, flow.changes().find(c.id()).orElseThrow().version());
        assertEquals(1, published.get());

        List<AuditEvent> trail = flow.audit().recent("change:" + c.id(), 10);
        assertEquals(List.of("approve", "draft_edit"), trail.stream().map(AuditEvent::action).toList());
        assertTrue(trail.get(1).beforeJson().contains("旧答案A") && trail.get(1).afterJson().contains("新答案A"), trail.get(1).toString());
        assertEquals("bo", trail.get(0).actor());
        assertEquals("publish", flow.audit().recent("version:2", 1).get(0).action());
    }

    @Test
    void createAndDeleteGoOutTogetherAndTheRulesOnEntriesHold() {
        assertEquals("entry_exists", assertThrows(WorkflowException.class, () -> flow.draft(ANNA, ChangeKind.CREATE, null, entry("a", "x"))).code());
        assertEquals("no_entry", assertThrows(WorkflowException.class, () -> flow.draft(ANNA, ChangeKind.DELETE, "zz", null)).code());
        assertEquals("unchanged", assertThrows(WorkflowException.class, () -> flow.draft(ANNA, ChangeKind.EDIT, "a", entry("a", "旧答案A"))).code());
        Change create = flow.draft(ANNA, ChangeKind.CREATE, null, entry("c", "新C"));
        Change delete = flow.draft(ANNA, ChangeKind.DELETE, "b", null);
        assertEquals("change_open", assertThrows(WorkflowException.class, () -> flow.draft(ANNA, ChangeKind.EDIT, "b", entry("b", "y"))).code());
        assertNull(delete.after());
        flow.approve(BO, create.id(), null);
        flow.approve(BO, delete.id(), null);
        flow.publish(BO, null, null);
        assertEquals(List.of("a", "c"), store.entries(current()).stream().map(Entry::id).toList());
        assertEquals("nothing_approved", assertThrows(WorkflowException.class, () -> flow.publish(BO, null, null)).code());
    }

    @Test
    void aRegressionIsRefusedUntilAReviewerOverridesItWithAReason() {
        flow.approve(BO, flow.draft(ANNA, ChangeKind.EDIT, "a", entry("a", "变差的答案")).id(), null);
        nextVerdict = new PublishGate.Verdict(true, "hit@1 0.90 → 0.80", java.util.Map.of("before", 0.9, "after", 0.8));
        RegressionRefused refused = assertThrows(RegressionRefused.class, () -> flow.publish(BO, null, " "));
        assertEquals(java.util.Map.of("before", 0.9, "after", 0.8), refused.report());
        assertEquals(1, current());
        assertEquals("not_reviewer", assertThrows(WorkflowException.class, () -> flow.publish(ANNA, null, "I insist")).code());
        flow.publish(BO, null, "政策调整，测试问题已过时");
        assertEquals(2, current());
        List<String> actions = flow.audit().recent("kb", 5).stream().map(AuditEvent::action).toList();
        assertEquals(List.of("override", "publish_refused"), actions);
        assertTrue(flow.audit().recent("kb", 1).get(0).detail().contains("政策调整"));
    }

    @Test
    void aDueScheduleIsPublishedOnceAndAFutureOneWaits() {
        flow.approve(BO, flow.draft(ANNA, ChangeKind.EDIT, "a", entry("a", "定时答案")).id(), null);
        PublishSchedule later = flow.schedule(BO, Instant.now().plus(Duration.ofDays(3)), "Friday 18:00", null);
        PublishSchedule due = flow.schedule(BO, Instant.now().minusSeconds(1), "due now", null);
        assertEquals("not_reviewer", assertThrows(WorkflowException.class, () -> flow.schedule(ANNA, Instant.now(), null, null)).code());

        List<PublishSchedule> ran = flow.runDue();
        assertEquals(1, ran.size());
        assertEquals(due.id(), ran.get(0).id());
        assertEquals("done", ran.get(0).status());
        assertEquals(2, ran.get(0).version());
        assertEquals("定时答案", store.entries(2).get(0).answer());
        assertEquals(List.of(), flow.runDue(), "a schedule runs once");
        assertEquals("pending", flow.schedules().find(later.id()).orElseThrow().status());

        PublishSchedule empty = flow.schedule(CHEN, Instant.now().minusSeconds(1), null, null);
        assertEquals("failed", flow.runDue().get(0).status(), "nothing approved: the schedule fails with the reason");
        assertTrue(flow.schedules().find(empty.id()).orElseThrow().outcome().contains("no approved changes"));
        assertEquals("cancelled", flow.cancelSchedule(BO, later.id()).status());
    }

    @Test
    void aRollbackIsOneActionAndANewVersion() {
        flow.approve(BO, flow.draft(ANNA, ChangeKind.EDIT, "a", entry("a", "新")).id(), null);
        flow.publish(BO, null, null);
        assertEquals("not_reviewer", assertThrows(WorkflowException.class, () -> flow.rollback(ANNA, 1, null)).code());
        KbVersion v = flow.rollback(BO, 1, null);
        assertEquals(3, v.number());
        assertEquals("旧答案A", store.entries(3).get(0).answer());
        assertEquals(2, published.get());
        assertEquals("no_version", assertThrows(WorkflowException.class, () -> flow.rollback(BO, 99, null)).code());
    }

    @Test
    void inboxQuestionsBecomeADraftAddingSimilarQuestions() {
        Change c = flow.draftSimilar(ANNA, "a", List.of("怎么弄A", "问题a", "说法a", "怎么弄A"));
        assertEquals(List.of("说法a", "怎么弄A"), c.after().similar());
        assertEquals(ChangeKind.EDIT, c.kind());
    }

    @Test
    void anAuthorWithdrawsTheirDraftButNotSomeoneElses() {
        Change c = flow.draft(ANNA, ChangeKind.EDIT, "a", entry("a", "x"));
        assertEquals("not_author", assertThrows(WorkflowException.class, () -> flow.withdraw(new Actor("eve", Role.EDITOR), c.id())).code());
        assertEquals(ChangeStatus.WITHDRAWN, flow.withdraw(ANNA, c.id()).status());
        flow.draft(ANNA, ChangeKind.EDIT, "a", entry("a", "y")); // the entry is free again
    }
}
