package org.openhotline.eval.publish;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.eval.quality.Stats;
import org.openhotline.eval.quality.TempFolder;
import org.openhotline.kb.index.IndexBuilder;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.JdbcKnowledgeStore;
import org.openhotline.kb.store.KbVersion;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.app.HotlineEngine;
import org.openhotline.server.cli.ConsoleProgress;
import org.openhotline.server.config.HotlineConfig;

/**
 * Issue 9's publish target on a synthetic N-entry base: the full rebuild from scratch (every text embedded), then
 * a version with {@code changes} edited entries published the way a node picks one up (stored, indexed in the
 * background reusing the live vectors of unchanged texts, swapped in) while client threads query the live index.
 */
public final class PublishBench {
    private final PrintStream out;

    public PublishBench(PrintStream out) {
        this.out = out;
    }

    public Map<String, Object> run(HotlineConfig base, Path datasets, int size, int changes, int clients) throws Exception {
        List<Entry> entries = BenchKnowledgeBase.entries(datasets, size);
        List<String> questions = BenchKnowledgeBase.queries(datasets, entries, 20_000);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("entries", entries.size());
        result.put("changes", changes);
        result.put("clients", clients);
        try (TempFolder data = new TempFolder("hotline-bench-publish")) {
            HotlineConfig config = base.with("data.dir", data.path().toString()).with("database.url", "");
            try (Database db = HotlineApp.openDatabase(config);
                 HotlineEngine engine = new HotlineEngine(config, data.path().resolve("index"), Clock.systemDefaultZone())) {
                JdbcKnowledgeStore store = new JdbcKnowledgeStore(db.dataSource());
                engine.embedder().embed("预热"); // the model loads on its first call; not part of any build
                long t0 = System.nanoTime();
                KbVersion v1 = store.publish(entries, "bench: full knowledge base");
                result.put("full_store_s", seconds(t0));
                out.printf("%d entries stored as version %d in %.1f s; full rebuild from scratch…%n", entries.size(), v1.number(), seconds(t0));
                t0 = System.nanoTime();
                engine.indexes().load(v1.number(), store.entries(v1.number()), new ConsoleProgress(out));
                result.put("full_rebuild_s", seconds(t0));
                put(result, "full", engine.indexes().lastBuild());
                out.printf("full rebuild: %.1f s%n", seconds(t0));

                try (QueryLoad load = new QueryLoad(engine, questions, clients)) {
                    Thread.sleep(3000); // the latency of the same load before the publish, to compare
                    long publishStart = System.nanoTime();
                    List<Entry> edited = BenchKnowledgeBase.changed(entries, changes);
                    KbVersion v2 = store.publish(edited, "bench: " + changes + " changed entries");
                    result.put("changes_store_s", seconds(publishStart));
                    engine.indexes().loadAsync(v2.number(), store.entries(v2.number())).join();
                    long publishEnd = System.nanoTime();
                    result.put("changes_publish_s", seconds(publishStart));
                    put(result, "changes", engine.indexes().lastBuild());
                    Thread.sleep(1000);
                    load.close();
                    stats(result, "before", load.between(publishStart - 3_000_000_000L, publishStart));
                    stats(result, "during", load.between(publishStart, publishEnd));
                    result.put("live_version", engine.indexes().liveVersion());
                }
            }
        }
        return result;
    }

    private static void put(Map<String, Object> result, String prefix, IndexBuilder.Report r) {
        if (r == null) return;
        result.put(prefix + "_texts", r.texts());
        result.put(prefix + "_embedded", r.embedded());
        result.put(prefix + "_reused", r.reused());
        result.put(prefix + "_kept_documents", r.keptDocuments());
        result.put(prefix + "_embed_s", Stats.round(r.embedMillis() / 1000.0, 1));
        result.put(prefix + "_index_s", Stats.round(r.millis() / 1000.0, 1));
    }

    private static void stats(Map<String, Object> result, String prefix, List<QueryLoad.Sample> samples) {
        double[] ms = samples.stream().filter(QueryLoad.Sample::ok).mapToDouble(QueryLoad.Sample::millis).sorted().toArray();
        result.put(prefix + "_queries", samples.size());
        result.put(prefix + "_failed", samples.stream().filter(s -> !s.ok()).count());
        result.put(prefix + "_p50_ms", ms.length == 0 ? null : Stats.round(Stats.percentile(ms, 50), 1));
        result.put(prefix + "_p99_ms", ms.length == 0 ? null : Stats.round(Stats.percentile(ms, 99), 1));
        result.put(prefix + "_max_ms", ms.length == 0 ? null : Stats.round(Arrays.stream(ms).max().orElse(0), 1));
    }

    private static Object seconds(long fromNanos) {
        return Stats.round((System.nanoTime() - fromNanos) / 1e9, 1);
    }
}
