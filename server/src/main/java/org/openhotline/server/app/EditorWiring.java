package org.openhotline.server.app;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.openhotline.bot.inbox.JdbcInboxHandled;
import org.openhotline.bot.inbox.QuestionClusterer;
import org.openhotline.bot.inbox.UnansweredCollector;
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
        Inbox inbox = new Inbox(
                new UnansweredCollector(ds, config.decimal("editor.inbox-low-confidence"), config.integer("editor.inbox-max-messages")),
                new QuestionClusterer(engine.embedder(), config.decimal("editor.inbox-cluster-threshold")),
                new JdbcInboxHandled(ds), workflow, clock);
        return new EditorServices(workflow, store, tests, new CollisionCheck(engine, clock), inbox, config.integer("editor.inbox-days"), clock);
    }
}
