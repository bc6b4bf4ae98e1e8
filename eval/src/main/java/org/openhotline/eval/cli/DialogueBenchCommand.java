package org.openhotline.eval.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.openhotline.bot.Conversation;
import org.openhotline.eval.dialogue.DialogueBench;
import org.openhotline.eval.quality.TempFolder;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.Database;
import org.openhotline.server.app.ConversationStores;
import org.openhotline.server.app.HotlineEngine;
import org.openhotline.server.app.SampleKnowledgeBase;
import org.openhotline.server.cli.Args;
import org.openhotline.server.config.HotlineConfig;

/**
 * {@code ./hotline bench-dialogue [--sessions 1000]}: the engine's cost per turn outside retrieval and the heap
 * that many live sessions hold, with sessions in memory and in the database (H2 file, as the demo runs).
 */
final class DialogueBenchCommand {
    static final String HELP = """
            usage: ./hotline bench-dialogue [--sessions N] [--database JDBC-URL]

            Plays N sessions at once (default 1000) through the dialogue engine over the sample knowledge base,
            each visit six turns (%s), interleaved so every session stays live. Prints per-turn time outside
            retrieval (p50/p99) and in total, and used heap after GC with N sessions live, first with sessions and
            message log in memory, then in an H2 file database as the demo runs them (or, with --database, in that
            PostgreSQL database, inside a throwaway schema that is dropped afterwards). Ends with
            RESULT {"sessions","turns","overhead_p99_ms","overhead_p99_ms_db","heap_mb","heap_delta_mb", …}.
            """.formatted(String.join(" / ", DialogueBench.VISIT));

    private final PrintStream out;

    DialogueBenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args, HotlineConfig config) throws Exception {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        int sessions = args.integer("sessions", 1000);
        if (sessions < 1) throw new Args.UsageException("--sessions must be at least 1");
        List<Entry> kb = SampleKnowledgeBase.load();
        try (TempFolder tmp = new TempFolder("hotline-dialogue");
             HotlineEngine engine = new HotlineEngine(config, tmp.path().resolve("index"), Clock.systemDefaultZone())) {
            out.println("indexing the sample knowledge base (" + kb.size() + " entries) …");
            engine.indexes().load(1, kb, ProgressListener.NONE);
            Conversation warm = engine.conversation(ConversationStores.inMemory(sessions * 2));
            DialogueBench.run(warm, 200, "warm-", r -> {});
            warm = null;
            double baseline = DialogueBench.heapMb();
            Conversation memory = engine.conversation(ConversationStores.inMemory(sessions * 2));
            DialogueBench.Result mem = DialogueBench.run(memory, sessions, "mem-", r -> out.println("  in memory: round " + r + "/" + DialogueBench.VISIT.size()));
            report("sessions in memory", mem);
            out.printf("  heap with %d live sessions: %.0f MB (%.1f MB more than before they started)%n", sessions, mem.heapMb(), mem.heapMb() - baseline);
            memory = null;
            DialogueBench.Result db;
            String url = args.option("database");
            String schema = url == null ? null : "bench_" + Long.toHexString(System.nanoTime());
            if (url != null) createSchema(url, schema, "CREATE SCHEMA ");
            try (Database database = url == null ? Database.open(Database.h2FileUrl(tmp.path().resolve("db")), null, null, 8)
                    : Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, "postgres", null, 8)) {
                Conversation stored = engine.conversation(ConversationStores.database(database.dataSource(), org.openhotline.bot.transfer.HumanHours.ALWAYS));
                DialogueBench.run(stored, Math.min(200, sessions), "warmdb-", r -> {});
                db = DialogueBench.run(stored, sessions, "db-", r -> out.println("  H2 file: round " + r + "/" + DialogueBench.VISIT.size()));
            }
            if (url != null) createSchema(url, schema, "DROP SCHEMA IF EXISTS %s CASCADE");
            report(url == null ? "sessions and message log in H2" : "sessions and message log in PostgreSQL", db);
            out.printf("RESULT {\"sessions\":%d,\"turns\":%d,\"overhead_p50_ms\":%.3f,\"overhead_p99_ms\":%.3f,\"total_p99_ms\":%.2f,"
                            + "\"overhead_p50_ms_db\":%.3f,\"overhead_p99_ms_db\":%.3f,\"total_p99_ms_db\":%.2f,\"heap_mb\":%.0f,\"heap_delta_mb\":%.1f}%n",
                    sessions, mem.turns(), mem.overheadP50(), mem.overheadP99(), mem.totalP99(), db.overheadP50(), db.overheadP99(), db.totalP99(),
                    mem.heapMb(), mem.heapMb() - baseline);
            return 0;
        }
    }

    private static void createSchema(String url, String schema, String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", null); java.sql.Statement st = c.createStatement()) {
            st.execute(sql.contains("%s") ? sql.formatted(schema) : sql + schema);
        }
    }

    private void report(String what, DialogueBench.Result r) {
        out.printf("%s: %d turns; outside retrieval p50 %.3f ms, p99 %.3f ms; whole turn p50 %.2f ms, p99 %.2f ms%n",
                what, r.turns(), r.overheadP50(), r.overheadP99(), r.totalP50(), r.totalP99());
    }
}
