package org.openhotline.server.app;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.openhotline.bot.inbox.JdbcInboxHandled;
import org.openhotline.bot.inbox.QuestionClusterer;
import org.openhotline.bot.inbox.UnansweredCollector;
import org.openhotline.bot.report.QuestionReports;
import org.openhotline.kb.workflow.DraftImport;
import org.openhotline.kb.store.KnowledgeStore;
import org.openhotline.kb.workflow.EditorialWorkflow;
import org.openhotline.kb.workflow.JdbcTestQuestionStore;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.server.editor.CollisionCheck;
import org.openhotline.server.editor.EditorServices;
import org.openhotline.server.editor.Inbox;
import org.openhotline.server.editor.RegressionCheck;

/** Wires the knowledge editors' workflow from configuration, so HotlineApp only hooks it in. */
final class EditorWiring {
    private EditorWiring() {}

    /** {@code scratch}: where throwaway candidate indexes are built; {@code onPublished}: the sync's refresh. */
    static EditorServices services(HotlineConfig config, HotlineEngine engine, KnowledgeStore store, DataSource ds, Path scratch, Runnable onPublished) {
        Clock clock = Clock.systemDefaultZone();
        JdbcTestQuestionStore tests = new JdbcTestQuestionStore(ds, clock);
        RegressionCheck gate = new RegressionCheck(engine, tests::all, scratch, clock);
        EditorialWorkflow workflow = new EditorialWorkflow(store, ds, gate, clock, onPublished);
        UnansweredCollector failures = new UnansweredCollector(ds, config.decimal("editor.inbox-low-confidence"), config.integer("editor.inbox-max-messages"));
        QuestionClusterer clusterer = new QuestionClusterer(engine.embedder(), config.decimal("editor.inbox-cluster-threshold"));
        Inbox inbox = new Inbox(failures, clusterer, new JdbcInboxHandled(ds), workflow, clock);
        QuestionReports reports = new QuestionReports(ds, failures, clusterer, config.integer("editor.inbox-max-messages"),
                config.integer("editor.report-max-clustered"));
        EditorServices.Settings settings = new EditorServices.Settings(config.integer("editor.expiry-reminder-days"),
                config.integer("editor.report-top"), config.integer("editor.import-max-mb") * 1024L * 1024L);
        return new EditorServices(workflow, store, tests, new CollisionCheck(engine, clock), inbox, config.integer("editor.inbox-days"), clock,
                reports, new DraftImport(workflow, ds, clock), settings);
    }
}
