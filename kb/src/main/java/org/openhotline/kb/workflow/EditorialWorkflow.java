package org.openhotline.kb.workflow;

import static org.openhotline.kb.workflow.WorkflowException.Reason.CONFLICT;
import static org.openhotline.kb.workflow.WorkflowException.Reason.FORBIDDEN;
import static org.openhotline.kb.workflow.WorkflowException.Reason.INVALID;
import static org.openhotline.kb.workflow.WorkflowException.Reason.NOT_FOUND;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.KbVersion;
import org.openhotline.kb.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors' weekly cycle: a change is drafted, a reviewer other than its author approves or rejects it, and
 * the approved changes go live together as one knowledge-base version, now or at a scheduled time, after the
 * {@link PublishGate} (a drop in accuracy needs a reviewer's override). Every step is audited.
 */
public final class EditorialWorkflow {
    private static final Logger log = LoggerFactory.getLogger(EditorialWorkflow.class);

    private final KnowledgeStore store;
    private final javax.sql.DataSource ds;
    private final JdbcChangeStore changes;
    private final JdbcAuditLog audit;
    private final JdbcPublishSchedules schedules;
    private final PublishGate gate;
    private final Clock clock;
    private final Runnable onPublished;

    /** {@code onPublished}: run after a version is written (the server asks its sync to pick it up at once). */
    public EditorialWorkflow(KnowledgeStore store, javax.sql.DataSource ds, PublishGate gate, Clock clock, Runnable onPublished) {
        this.store = store;
        this.ds = ds;
        this.changes = new JdbcChangeStore(ds);
        this.audit = new JdbcAuditLog(ds, clock);
        this.schedules = new JdbcPublishSchedules(ds);
        this.gate = Objects.requireNonNull(gate, "gate");
        this.clock = clock;
        this.onPublished = onPublished == null ? () -> { } : onPublished;
    }

    /** What a publish did: the new version, the changes it carried and the gate's report. */
    public record Published(KbVersion version, List<Long> changeIds, PublishGate.Verdict verdict) {}

    public JdbcChangeStore changes() {
        return changes;
    }

    public JdbcAuditLog audit() {
        return audit;
    }

    public JdbcPublishSchedules schedules() {
        return schedules;
    }

    /** The entries of the version answering now (none before the first publish). */
    public List<Entry> currentEntries() {
        return store.currentVersion().map(v -> view(v).entries()).orElse(List.of());
    }

    /** A published version's entries and their last change; a version never changes, so this is read once per version. */
    private record VersionView(int number, List<Entry> entries, java.util.Map<String, Instant> changed) {}

    private volatile VersionView lastViewed;

    /** The console searches at every keystroke; a 20,000-entry version is read from the database once, not each time. */
    private VersionView view(KbVersion v) {
        VersionView seen = lastViewed;
        if (seen != null && seen.number() == v.number()) return seen;
        seen = new VersionView(v.number(), List.copyOf(store.entries(v.number())), java.util.Map.copyOf(store.lastChanged(v.number())));
        lastViewed = seen;
        return seen;
    }

    /** The console's entry search over the version answering now, with each entry's state, last change and open change. */
    public EntrySearch.Page search(EntrySearch.Criteria criteria) {
        return search(null, criteria);
    }

    /** The entry search over version {@code number} (null: the current one); an unknown version is NOT_FOUND. */
    public EntrySearch.Page search(Integer number, EntrySearch.Criteria criteria) {
        Optional<KbVersion> v = number == null ? store.currentVersion() : store.version(number);
        if (number != null && v.isEmpty()) throw new WorkflowException(NOT_FOUND, "no_version", "there is no knowledge-base version " + number);
        List<Entry> entries = v.map(x -> view(x).entries()).orElse(List.of());
        java.util.Map<String, Instant> changed = v.map(x -> view(x).changed()).orElse(java.util.Map.of());
        java.util.Map<String, Change> open = new java.util.HashMap<>();
        for (ChangeStatus s : List.of(ChangeStatus.DRAFT, ChangeStatus.APPROVED)) {
            for (Change c : changes.list(s, Integer.MAX_VALUE)) open.put(c.entryId(), c);
        }
        return EntrySearch.search(entries, changed, open, java.time.LocalDate.now(clock), clock.getZone(), criteria);
    }

    public Optional<Entry> currentEntry(String id) {
        return currentEntries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** A draft: create needs a new id, edit and delete an existing entry; one open change per entry at a time. */
    public Change draft(Actor author, ChangeKind kind, String entryId, Entry after) {
        if (kind != ChangeKind.DELETE && after == null) throw new WorkflowException(INVALID, "missing_entry", "a " + kind.wireName() + " needs the entry");
        String id = kind == ChangeKind.CREATE ? after.id() : entryId;
        if (id == null || id.isBlank()) throw new WorkflowException(INVALID, "missing_entry_id", "the entry id is missing");
        if (after != null && !after.id().equals(id)) throw new WorkflowException(INVALID, "id_mismatch", "the entry's id is not " + id);
        Optional<Entry> before = currentEntry(id);
        if (kind == ChangeKind.CREATE && before.isPresent()) throw new WorkflowException(CONFLICT, "entry_exists", "entry " + id + " exists already; edit it");
        if (kind != ChangeKind.CREATE && before.isEmpty()) throw new WorkflowException(NOT_FOUND, "no_entry", "there is no entry " + id + " in the current version");
        if (kind == ChangeKind.EDIT && before.get().equals(after)) throw new WorkflowException(INVALID, "unchanged", "the entry is as published; nothing to change");
        changes.openFor(id).ifPresent(open -> {
            throw new WorkflowException(CONFLICT, "change_open", "entry " + id + " already has change " + open.id() + " (" + open.status().wireName() + ") under way");
        });
        String beforeJson = before.map(EntryJson::write).orElse(null);
        String afterJson = kind == ChangeKind.DELETE ? null : EntryJson.write(after);
        long changeId = changes.insert(kind, id, beforeJson, afterJson, author.name(), Sql.now(clock));
        audit.record(author, "draft_" + kind.wireName(), "change:" + changeId, "entry " + id, beforeJson, afterJson);
        return changes.find(changeId).orElseThrow();
    }

    /** A draft that adds {@code questions} as similar questions of an existing entry (the inbox's action). */
    public Change draftSimilar(Actor author, String entryId, List<String> questions) {
        Entry e = currentEntry(entryId).orElseThrow(() -> new WorkflowException(NOT_FOUND, "no_entry", "there is no entry " + entryId + " in the current version"));
        LinkedHashSet<String> similar = new LinkedHashSet<>(e.similar());
        for (String q : questions) if (!q.isBlank() && !q.strip().equals(e.question())) similar.add(q.strip());
        Entry after = new Entry(e.id(), e.category(), e.question(), List.copyOf(similar), e.answer(), e.voiceAnswer(), e.keywords(),
                e.validFrom(), e.validTo(), e.status());
        return draft(author, ChangeKind.EDIT, entryId, after);
    }

    public Change approve(Actor reviewer, long changeId, String comment) {
        return review(reviewer, changeId, ChangeStatus.APPROVED, comment);
    }

    /**
     * Approves several drafts (an import's, typically) under the rules of one approval, all or none: in one transaction
     * each draft moves on only from "draft", so a review that got to one of them first (even between our reading and
     * our writing) rolls the whole batch back, and the error names that change and its entry.
     */
    public List<Change> approveAll(Actor reviewer, List<Long> changeIds, String comment) {
        if (!reviewer.isReviewer()) throw new WorkflowException(FORBIDDEN, "not_reviewer", "only a reviewer may approve or reject a change");
        List<Long> ids = List.copyOf(new LinkedHashSet<>(changeIds));
        Instant at = Sql.now(clock);
        Sql.transaction(ds, tx -> {
            JdbcChangeStore inTx = new JdbcChangeStore(tx);
            JdbcAuditLog auditInTx = new JdbcAuditLog(tx, clock);
            for (long id : ids) {
                Change c = inTx.find(id).orElseThrow(() -> new WorkflowException(NOT_FOUND, "no_change", "there is no change " + id + "; none was approved"));
                String which = "change " + id + " (entry " + c.entryId() + ")";
                if (c.author().equals(reviewer.name())) throw new WorkflowException(FORBIDDEN, "own_change", which + " is your own; nobody may review their own change; none was approved");
                if (c.status() != ChangeStatus.DRAFT || !inTx.review(id, ChangeStatus.DRAFT, ChangeStatus.APPROVED, reviewer.name(), comment, at)) {
                    String now = inTx.find(id).map(x -> x.status().wireName()).orElse("gone");
                    throw new WorkflowException(CONFLICT, "not_draft", which + " is " + now + ", not a draft; none was approved");
                }
                auditInTx.record(reviewer, "approve", "change:" + id, comment, EntryJson.write(c.before()), EntryJson.write(c.after()));
            }
            return null;
        });
        return ids.stream().map(id -> changes.find(id).orElseThrow()).toList();
    }

    public Change reject(Actor reviewer, long changeId, String comment) {
        if (comment == null || comment.isBlank()) throw new WorkflowException(INVALID, "missing_comment", "say why the change is rejected");
        return review(reviewer, changeId, ChangeStatus.REJECTED, comment);
    }

    private Change review(Actor reviewer, long changeId, ChangeStatus to, String comment) {
        if (!reviewer.isReviewer()) throw new WorkflowException(FORBIDDEN, "not_reviewer", "only a reviewer may approve or reject a change");
        Change c = changes.find(changeId).orElseThrow(() -> new WorkflowException(NOT_FOUND, "no_change", "there is no change " + changeId));
        if (c.author().equals(reviewer.name())) throw new WorkflowException(FORBIDDEN, "own_change", "nobody may review their own change");
        if (c.status() != ChangeStatus.DRAFT) throw new WorkflowException(CONFLICT, "not_draft", "change " + changeId + " is " + c.status().wireName() + ", not a draft");
        if (!changes.review(changeId, ChangeStatus.DRAFT, to, reviewer.name(), comment, Sql.now(clock))) {
            throw new WorkflowException(CONFLICT, "not_draft", "change " + changeId + " was reviewed meanwhile");
        }
        audit.record(reviewer, to == ChangeStatus.APPROVED ? "approve" : "reject", "change:" + changeId, comment, EntryJson.write(c.before()), EntryJson.write(c.after()));
        return changes.find(changeId).orElseThrow();
    }

    /** The author (or a reviewer) takes back a change that is not published yet. */
    public Change withdraw(Actor actor, long changeId) {
        Change c = changes.find(changeId).orElseThrow(() -> new WorkflowException(NOT_FOUND, "no_change", "there is no change " + changeId));
        if (!c.author().equals(actor.name()) && !actor.isReviewer()) throw new WorkflowException(FORBIDDEN, "not_author", "only the author or a reviewer may withdraw a change");
        if (!changes.withdraw(changeId)) throw new WorkflowException(CONFLICT, "not_open", "change " + changeId + " is " + c.status().wireName());
        audit.record(actor, "withdraw", "change:" + changeId, null, EntryJson.write(c.before()), EntryJson.write(c.after()));
        return changes.find(changeId).orElseThrow();
    }

    /** The gate's verdict on publishing the approved changes now, without publishing. */
    public PublishGate.Verdict check() {
        List<Entry> current = currentEntries();
        return gate.check(current, CandidateEntries.apply(current, changes.list(ChangeStatus.APPROVED, Integer.MAX_VALUE)));
    }

    /**
     * Publishes every approved change as one version. A regression on the test questions is refused unless a
     * reviewer gives {@code overrideReason}, which is audited. Only reviewers publish.
     */
    public synchronized Published publish(Actor actor, String note, String overrideReason) {
        requireReviewer(actor, "publish");
        List<Change> approved = changes.list(ChangeStatus.APPROVED, Integer.MAX_VALUE);
        if (approved.isEmpty()) throw new WorkflowException(CONFLICT, "nothing_approved", "there are no approved changes to publish");
        List<Entry> current = currentEntries();
        List<Entry> candidate = CandidateEntries.apply(current, approved);
        PublishGate.Verdict verdict = gate.check(current, candidate);
        boolean override = overrideReason != null && !overrideReason.isBlank();
        if (verdict.regression() && !override) {
            audit.record(actor, "publish_refused", "kb", verdict.summary(), null, null);
            throw new RegressionRefused(verdict.summary(), verdict.report());
        }
        if (verdict.regression()) audit.record(actor, "override", "kb", verdict.summary() + " — " + overrideReason.strip(), null, null);
        List<Long> ids = approved.stream().map(Change::id).toList();
        String text = note == null || note.isBlank() ? approved.size() + " approved change(s)" : note.strip();
        KbVersion v = store.publish(candidate, text);
        changes.markPublished(ids, v.number());
        audit.record(actor, "publish", "version:" + v.number(), "changes " + ids + ": " + text, null, null);
        log.info("{} published knowledge-base version {} with {} change(s)", actor.name(), v.number(), ids.size());
        onPublished.run();
        return new Published(v, ids, verdict);
    }

    /** A publish at {@code dueAt} of whatever is approved then; the server's scheduler runs it (see {@link #runDue()}). */
    public PublishSchedule schedule(Actor actor, Instant dueAt, String note, String overrideReason) {
        requireReviewer(actor, "schedule a publish");
        if (dueAt == null) throw new WorkflowException(INVALID, "missing_at", "say when to publish");
        long id = schedules.add(dueAt, note == null ? "" : note.strip(), actor.name(), overrideReason, Sql.now(clock));
        audit.record(actor, "schedule", "schedule:" + id, "at " + dueAt + (overrideReason == null ? "" : "; override: " + overrideReason), null, null);
        return schedules.find(id).orElseThrow();
    }

    public PublishSchedule cancelSchedule(Actor actor, long id) {
        requireReviewer(actor, "cancel a scheduled publish");
        PublishSchedule s = schedules.find(id).orElseThrow(() -> new WorkflowException(NOT_FOUND, "no_schedule", "there is no scheduled publish " + id));
        if (!schedules.cancel(id)) throw new WorkflowException(CONFLICT, "not_pending", "scheduled publish " + id + " is " + s.status());
        audit.record(actor, "cancel_schedule", "schedule:" + id, null, null, null);
        return schedules.find(id).orElseThrow();
    }

    /**
     * Runs the schedules that are due, each claimed by one node: publishes as the reviewer who scheduled it; no
     * approved changes or a refused regression ends the schedule as failed, with the reason.
     */
    public List<PublishSchedule> runDue() {
        List<PublishSchedule> ran = new ArrayList<>();
        for (PublishSchedule s : schedules.due(clock.instant())) {
            if (!schedules.claim(s.id())) continue;
            Actor scheduler = new Actor(s.createdBy(), Role.REVIEWER);
            try {
                Published p = publish(scheduler, s.note().isBlank() ? "scheduled publish " + s.id() : s.note(), s.overrideReason());
                schedules.finish(s.id(), "done", p.version().number(), p.changeIds().size() + " change(s)");
            } catch (WorkflowException e) {
                schedules.finish(s.id(), "failed", null, e.getMessage());
                log.warn("scheduled publish {} did not run: {}", s.id(), e.getMessage());
            } catch (RuntimeException e) {
                schedules.finish(s.id(), "failed", null, "error: " + e.getMessage());
                log.error("scheduled publish {} failed", s.id(), e);
            }
            ran.add(schedules.find(s.id()).orElseThrow());
        }
        return ran;
    }

    /** One action: the entries and dictionaries of {@code version} become current again, as a new version. */
    public KbVersion rollback(Actor actor, int version, String note) {
        requireReviewer(actor, "roll back");
        if (store.version(version).isEmpty()) throw new WorkflowException(NOT_FOUND, "no_version", "there is no knowledge-base version " + version);
        KbVersion v = store.rollback(version, note == null || note.isBlank() ? "rollback to version " + version : note.strip());
        audit.record(actor, "rollback", "version:" + v.number(), "to version " + version, null, null);
        onPublished.run();
        return v;
    }

    private static void requireReviewer(Actor actor, String what) {
        if (!actor.isReviewer()) throw new WorkflowException(FORBIDDEN, "not_reviewer", "only a reviewer may " + what);
    }
}
