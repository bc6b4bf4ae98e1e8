package org.openhotline.kb.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.io.ImportResult;
import org.openhotline.kb.io.JsonlEntryReader;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.JdbcKnowledgeStore;

class DraftImportTest {
    static final Actor ANNA = new Actor("anna", Role.EDITOR);
    final Database db = Database.open("jdbc:h2:mem:d" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
    EditorialWorkflow flow;
    DraftImport imports;

    @BeforeEach
    void setUp() {
        JdbcKnowledgeStore store = new JdbcKnowledgeStore(db.dataSource());
        store.publish(List.of(Entry.of("a", "社保", "问题A", List.of(), "答案A"), Entry.of("b", "社保", "问题B", List.of(), "答案B")), "base");
        flow = new EditorialWorkflow(store, db.dataSource(), (cur, cand) -> PublishGate.Verdict.pass(null), Clock.systemUTC(), null);
        imports = new DraftImport(flow, db.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    static ImportResult file(String... lines) throws Exception {
        return new JsonlEntryReader().read(new StringReader(String.join("\n", lines)));
    }

    @Test
    void changedAndNewRowsBecomeDraftsUnchangedOnesAreSkipped() throws Exception {
        DraftImport.Outcome o = imports.importDrafts(ANNA, file(
                "{\"id\":\"a\",\"category\":\"社保\",\"question\":\"问题A\",\"answer\":\"答案A\"}",
                "{\"id\":\"b\",\"category\":\"社保\",\"question\":\"问题B\",\"answer\":\"新答案B\"}",
                "{\"id\":\"c\",\"category\":\"医保\",\"question\":\"问题C\",\"answer\":\"答案C\"}"), "week.jsonl");
        assertTrue(o.imported());
        assertEquals(List.of(1, 1, 1), List.of(o.created(), o.edited(), o.unchanged()));
        List<Change> drafts = flow.changes().list(ChangeStatus.DRAFT, 10);
        assertEquals(List.of("b", "c"), drafts.stream().map(Change::entryId).toList());
        assertEquals(ChangeKind.EDIT, drafts.get(0).kind());
        assertEquals("答案B", drafts.get(0).before().answer());
        assertEquals(ChangeKind.CREATE, drafts.get(1).kind());
        assertEquals(List.of("import", "draft_create", "draft_edit"), flow.audit().recent(null, 10).stream().map(AuditEvent::action).toList());

        // a reviewer approves the import's drafts in one action, but never together with one of their own
        Actor bo = new Actor("bo", Role.REVIEWER);
        long own = flow.draft(bo, ChangeKind.EDIT, "a", Entry.of("a", "社保", "问题A", List.of(), "bo 的答案A")).id();
        List<Long> ids = new java.util.ArrayList<>(o.changeIds());
        ids.add(own);
        WorkflowException refused = org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class, () -> flow.approveAll(bo, ids, null));
        assertEquals("own_change", refused.code());
        assertEquals(3, flow.changes().list(ChangeStatus.DRAFT, 10).size(), "none approved");
        assertEquals(2, flow.approveAll(bo, o.changeIds(), "导入核对无误").size());
        assertEquals(List.of("b", "c"), flow.changes().list(ChangeStatus.APPROVED, 10).stream().map(Change::entryId).toList());
        org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class, () -> flow.approveAll(ANNA, List.of(own), null));
    }

    @Test
    void aBadRowOrAChangeUnderWayImportsNothing() throws Exception {
        DraftImport.Outcome bad = imports.importDrafts(ANNA, file(
                "{\"id\":\"b\",\"category\":\"社保\",\"question\":\"问题B\",\"answer\":\"新答案B\"}",
                "{\"id\":\"d\",\"category\":\"社保\",\"question\":\"\",\"answer\":\"答案D\"}"), "bad.jsonl");
        assertFalse(bad.imported());
        assertEquals(2, bad.problems().get(0).row());
        assertEquals(0, flow.changes().list(null, 10).size());

        flow.draft(ANNA, ChangeKind.EDIT, "a", Entry.of("a", "社保", "问题A", List.of(), "另一个答案A"));
        DraftImport.Outcome busy = imports.importDrafts(ANNA, file(
                "{\"id\":\"b\",\"category\":\"社保\",\"question\":\"问题B\",\"answer\":\"新答案B\"}",
                "{\"id\":\"a\",\"category\":\"社保\",\"question\":\"问题A\",\"answer\":\"导入的答案A\"}"), "busy.jsonl");
        assertFalse(busy.imported());
        assertEquals(1, busy.problems().size());
        assertEquals(2, busy.problems().get(0).row());
        assertTrue(busy.problems().get(0).message().contains("under way"), busy.problems().toString());
        assertEquals(1, flow.changes().list(null, 10).size(), "only the draft made by hand");
    }

    @Test
    void aLargeFileAsksForTheChangesUnderWayOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        javax.sql.DataSource counting = countingOpenChangeQueries(db.dataSource(), lookups);
        EditorialWorkflow counted = new EditorialWorkflow(new JdbcKnowledgeStore(counting), counting, (cur, cand) -> PublishGate.Verdict.pass(null), Clock.systemUTC(), null);
        flow.draft(new Actor("bo", Role.EDITOR), ChangeKind.EDIT, "a", Entry.of("a", "社保", "问题A", List.of(), "bo 的答案A"));
        String[] rows = new String[60];
        for (int i = 0; i < rows.length; i++) rows[i] = "{\"id\":\"n" + i + "\",\"category\":\"社保\",\"question\":\"问题" + i + "\",\"answer\":\"答案\"}";
        rows[30] = "{\"id\":\"a\",\"category\":\"社保\",\"question\":\"问题A\",\"answer\":\"又一个答案\"}";
        DraftImport.Outcome o = new DraftImport(counted, counting, Clock.systemUTC()).importDrafts(ANNA, file(rows), "big.jsonl");
        assertFalse(o.imported());
        assertEquals(1, o.problems().size(), o.problems().toString());
        assertTrue(o.problems().get(0).message().contains("entry a already has change"), o.problems().toString());
        assertEquals(1, lookups.get(), "one query for the whole file");
    }

    /** A data source that counts the statements reading open changes from kb_change. */
    static javax.sql.DataSource countingOpenChangeQueries(javax.sql.DataSource ds, java.util.concurrent.atomic.AtomicInteger count) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(DraftImportTest.class.getClassLoader(), new Class<?>[] {javax.sql.DataSource.class},
                (proxy, m, args) -> {
                    Object out = m.invoke(ds, args);
                    if (!(out instanceof java.sql.Connection c)) return out;
                    return java.lang.reflect.Proxy.newProxyInstance(DraftImportTest.class.getClassLoader(), new Class<?>[] {java.sql.Connection.class},
                            (p2, m2, a2) -> {
                                if (m2.getName().startsWith("prepare") && a2 != null && a2[0] instanceof String sql
                                        && sql.contains("FROM kb_change") && sql.contains("'draft','approved'")) count.incrementAndGet();
                                try {
                                    return m2.invoke(c, a2);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}
