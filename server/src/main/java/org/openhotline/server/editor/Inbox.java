package org.openhotline.server.editor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openhotline.bot.inbox.JdbcInboxHandled;
import org.openhotline.bot.inbox.QuestionCluster;
import org.openhotline.bot.inbox.QuestionClusterer;
import org.openhotline.bot.inbox.UnansweredCollector;
import org.openhotline.bot.inbox.UnansweredQuestion;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.workflow.Actor;
import org.openhotline.kb.workflow.Change;
import org.openhotline.kb.workflow.ChangeKind;
import org.openhotline.kb.workflow.EditorialWorkflow;
import org.openhotline.kb.workflow.WorkflowException;

/**
 * The unanswered-question inbox: the last days' failures, minus questions already handled, clustered by meaning;
 * a cluster becomes similar questions of an entry or a new entry (both drafts), or is dismissed. Every action is audited.
 */
public final class Inbox {
    private final UnansweredCollector collector;
    private final QuestionClusterer clusterer;
    private final JdbcInboxHandled handled;
    private final EditorialWorkflow workflow;
    private final Clock clock;

    public Inbox(UnansweredCollector collector, QuestionClusterer clusterer, JdbcInboxHandled handled, EditorialWorkflow workflow, Clock clock) {
        this.collector = collector;
        this.clusterer = clusterer;
        this.handled = handled;
        this.workflow = workflow;
        this.clock = clock;
    }

    public List<QuestionCluster> clusters(int days) {
        Instant now = clock.instant();
        Set<String> done = handled.hashes();
        List<UnansweredQuestion> open = collector.since(now.minus(Duration.ofDays(days))).stream()
                .filter(q -> !done.contains(QuestionClusterer.hash(q.text()))).toList();
        return clusterer.cluster(open, now);
    }

    public Optional<QuestionCluster> cluster(String id, int days) {
        return clusters(days).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The cluster's questions become similar questions of {@code entryId}, as a draft. */
    public Change addAsSimilar(Actor actor, String clusterId, String entryId, int days) {
        QuestionCluster c = find(clusterId, days);
        Change change = workflow.draftSimilar(actor, entryId, c.texts());
        handled.mark(c.texts(), "similar", change.id(), actor.name(), clock.instant());
        workflow.audit().record(actor, "inbox_similar", "inbox:" + clusterId, c.count() + " question(s) to entry " + entryId + ", change " + change.id(), null, null);
        return change;
    }

    /**
     * A draft new entry from the cluster: {@code entry} as the editor wrote it, its similar questions completed
     * with the cluster's other questions.
     */
    public Change newEntry(Actor actor, String clusterId, Entry entry, int days) {
        QuestionCluster c = find(clusterId, days);
        java.util.LinkedHashSet<String> similar = new java.util.LinkedHashSet<>(entry.similar());
        for (String t : c.texts()) if (!t.equals(entry.question())) similar.add(t);
        Entry full = new Entry(entry.id(), entry.category(), entry.question(), List.copyOf(similar), entry.answer(), entry.voiceAnswer(),
                entry.keywords(), entry.validFrom(), entry.validTo(), entry.status());
        Change change = workflow.draft(actor, ChangeKind.CREATE, null, full);
        handled.mark(c.texts(), "new_entry", change.id(), actor.name(), clock.instant());
        workflow.audit().record(actor, "inbox_new_entry", "inbox:" + clusterId, c.count() + " question(s), change " + change.id(), null, null);
        return change;
    }

    public QuestionCluster dismiss(Actor actor, String clusterId, int days) {
        QuestionCluster c = find(clusterId, days);
        handled.mark(c.texts(), "dismissed", null, actor.name(), clock.instant());
        workflow.audit().record(actor, "inbox_dismiss", "inbox:" + clusterId, c.count() + " question(s): " + c.label(), null, null);
        return c;
    }

    private QuestionCluster find(String id, int days) {
        return cluster(id, days).orElseThrow(() -> new WorkflowException(WorkflowException.Reason.NOT_FOUND, "no_cluster",
                "there is no open inbox cluster " + id + " (handled already, or its questions are older than " + days + " days)"));
    }
}
