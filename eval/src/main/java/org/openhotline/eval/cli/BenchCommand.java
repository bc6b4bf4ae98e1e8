package org.openhotline.eval.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.Conversation;
import org.openhotline.eval.load.LoadDriver;
import org.openhotline.eval.load.SyntheticKb;
import org.openhotline.eval.quality.EvalQuery;
import org.openhotline.eval.quality.QueryFile;
import org.openhotline.eval.quality.Stats;
import org.openhotline.eval.quality.TempFolder;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.JdbcKnowledgeStore;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.cli.Args;
import org.openhotline.server.cli.ConsoleProgress;
import org.openhotline.server.config.HotlineConfig;

/**
 * {@code ./hotline bench}: the whole product in this process on a random loopback port, on a temporary
 * data folder, measured first in-process (one pass over the questions, cold embedding cache) and then
 * over HTTP with N concurrent clients.
 */
final class BenchCommand {
    static final String HELP = """
            usage: ./hotline bench --kb FILE --queries FILE [--clients N] [--seconds S] [--scale N] [--warmup S] [--set key=value]

              --clients N   concurrent HTTP clients (default 8)
              --seconds S   length of the measured load (default 20)
              --scale N     grow the knowledge base synthetically to N entries first (embeds every question: minutes)
              --warmup S    unmeasured load before the measurement (default 5)
              --data DIR    keep the data folder (database and index) in DIR and reuse its index next time
                            for the same knowledge base (default: a temporary folder, deleted)

            Prints the in-process latency of one pass over the questions (embedding included), then ends with
              RESULT {"qps","p50_ms","p99_ms","errors","heap_mb","entries","inproc_p50_ms","inproc_p99_ms", ...}
            """;

    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args, HotlineConfig base, PrintStream err) throws Exception {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        List<Entry> entries = KnowledgeBaseArg.read(args, err);
        if (entries == null) return 1;
        List<EvalQuery> queries = QueryFile.read(Path.of(args.required("queries")));
        int clients = Math.max(1, args.integer("clients", 8));
        int seconds = Math.max(1, args.integer("seconds", 20));
        int warmup = args.integer("warmup", 5);
        int scale = args.integer("scale", 0);
        if (scale > entries.size()) entries = SyntheticKb.grow(entries, scale);
        if (args.option("data") != null) { // a kept folder: the index of an unchanged knowledge base is reused
            return run(entries, queries, clients, seconds, warmup, base.with("data.dir", args.option("data")));
        }
        try (TempFolder data = new TempFolder("hotline-bench")) {
            return run(entries, queries, clients, seconds, warmup, base.with("data.dir", data.path().toString()));
        }
    }

    private int run(List<Entry> entries, List<EvalQuery> queries, int clients, int seconds, int warmup, HotlineConfig withData)
            throws Exception {
        HotlineConfig config = withData.with("server.port", "0").with("server.host", "127.0.0.1")
                .with("kb.load-sample", "false").with("database.url", "");
        {
            String note = "bench " + fingerprint(entries);
            try (Database db = HotlineApp.openDatabase(config)) {
                JdbcKnowledgeStore store = new JdbcKnowledgeStore(db.dataSource());
                if (!store.currentVersion().map(v -> v.note().equals(note)).orElse(false)) store.publish(entries, note);
            }
            out.printf("bench: %d entries, %d questions; indexing…%n", entries.size(), queries.size());
            long t0 = System.nanoTime();
            try (HotlineApp app = new HotlineApp(config).start(new ConsoleProgress(out))) {
                double indexSecs = (System.nanoTime() - t0) / 1e9;
                out.printf("indexed and serving in %.1f s on port %d%n", indexSecs, app.port());
                List<String> texts = queries.stream().map(EvalQuery::query).toList();
                double[] inproc = inProcess(app.engine().conversation(), texts, entries);
                out.printf("in-process, one pass (cold embedding cache): p50 %.2f ms, p99 %.2f ms over %d questions%n",
                        Stats.percentile(inproc, 50), Stats.percentile(inproc, 99), inproc.length);
                URI chat = URI.create("http://127.0.0.1:" + app.port() + "/api/chat");
                if (warmup > 0) LoadDriver.run(chat, texts, clients, Duration.ofSeconds(warmup));
                LoadDriver.Result r = LoadDriver.run(chat, texts, clients, Duration.ofSeconds(seconds));
                System.gc();
                Runtime rt = Runtime.getRuntime();
                long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("qps", Math.round(r.qps() * 10) / 10.0);
                result.put("p50_ms", round(Stats.percentile(r.sortedMillis(), 50)));
                result.put("p99_ms", round(Stats.percentile(r.sortedMillis(), 99)));
                result.put("errors", r.errors());
                result.put("heap_mb", heapMb);
                result.put("requests", r.requests());
                result.put("clients", clients);
                result.put("seconds", round(r.seconds()));
                result.put("entries", entries.size());
                result.put("index_seconds", round(indexSecs));
                result.put("inproc_p50_ms", round(Stats.percentile(inproc, 50)));
                result.put("inproc_p99_ms", round(Stats.percentile(inproc, 99)));
                out.println("RESULT " + new ObjectMapper().writeValueAsString(result));
            }
            return 0;
        }
    }

    private static String fingerprint(List<Entry> entries) {
        return Integer.toHexString(entries.stream().map(e -> e.id() + e.question() + e.answer() + e.similar()).toList().hashCode())
                + "-" + entries.size();
    }

    /**
     * Each question once, after a warm-up on 500 of the knowledge base's own questions (JIT, index pages in
     * memory, as on a server that has been answering for a while); the measured questions still miss the
     * embedding cache, so their time includes the embedding.
     */
    private static double[] inProcess(Conversation c, List<String> texts, List<Entry> entries) {
        int step = Math.max(1, entries.size() / 500);
        for (int i = 0; i < entries.size(); i += step) c.handle("bench-warmup-" + i, entries.get(i).question());
        List<Double> ms = new ArrayList<>();
        int i = 0;
        for (String t : new java.util.LinkedHashSet<>(texts)) {
            long t0 = System.nanoTime();
            c.handle("bench-inproc-" + (i++), t);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
