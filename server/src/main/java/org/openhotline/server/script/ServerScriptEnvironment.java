package org.openhotline.server.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.script.ConversationScript;
import org.openhotline.bot.script.MovableClock;
import org.openhotline.bot.script.ScriptEnvironment;
import org.openhotline.bot.hours.InMemorySpecialDayStore;
import org.openhotline.bot.hours.ServiceHoursConfig;
import org.openhotline.bot.transfer.HumanHours;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.store.Database;
import org.openhotline.server.app.ConversationStores;
import org.openhotline.server.app.HotlineEngine;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.server.sample.SampleBusinessService;

/**
 * The real engine for conversation scripts: one index of the knowledge base (built once), one throwaway
 * database for sessions and the message log (so "restart" proves what a restarted server would see), and
 * per script its own configuration and clock.
 */
public final class ServerScriptEnvironment implements ScriptEnvironment, AutoCloseable {
    private final HotlineConfig base;
    private final Path dir;
    private final HotlineEngine engine;
    private final Database database;
    private final SampleBusinessService business;

    public ServerScriptEnvironment(HotlineConfig base, List<Entry> kb, ProgressListener progress) throws IOException {
        this.business = SampleBusinessService.start(0);
        base = base.string("flows.business-url").isBlank() ? base.with("flows.business-url", business.url()) : base;
        this.base = base;
        this.dir = Files.createTempDirectory("hotline-scripts");
        this.engine = new HotlineEngine(base, dir.resolve("index"), Clock.systemDefaultZone());
        engine.indexes().load(1, kb, progress);
        this.database = Database.open(Database.h2FileUrl(dir.resolve("db")), null, null, 4);
    }

    @Override
    public Conversation start(ConversationScript script, MovableClock clock) {
        return build(script, clock);
    }

    @Override
    public Conversation restart(ConversationScript script, MovableClock clock) {
        return build(script, clock);
    }

    private Conversation build(ConversationScript script, MovableClock clock) {
        HotlineConfig cfg = configFor(script);
        Map<String, String> b = script.business();
        for (String k : b.keySet()) {
            if (!k.equals("delay-ms") && !k.equals("fail")) throw new IllegalArgumentException("business: unknown key '" + k + "' (delay-ms, fail)");
        }
        business.faults(Long.parseLong(b.getOrDefault("delay-ms", "0")), Boolean.parseBoolean(b.getOrDefault("fail", "false")));
        return engine.conversation(cfg, clock, RetrievalMode.HYBRID, HotlineEngine.tiers(cfg),
                ConversationStores.database(database.dataSource(), hours(cfg, clock)));
    }

    HotlineConfig configFor(ConversationScript script) {
        HotlineConfig cfg = base;
        for (Map.Entry<String, String> e : script.config().entrySet()) cfg = cfg.with(e.getKey(), e.getValue());
        return cfg;
    }

    /** The configured hours and holiday calendar, on the script's clock; special days would come from the admin API. */
    private static HumanHours hours(HotlineConfig cfg, Clock clock) {
        return ConversationStores.handoffHours(ServiceHoursConfig.fromMap(cfg.tree("hours"), new InMemorySpecialDayStore(), clock));
    }

    @Override
    public void close() {
        business.close();
        database.close();
        engine.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
