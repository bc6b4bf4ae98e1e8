package org.openhotline.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.openhotline.kb.model.Entry;
import org.openhotline.nlu.lexicon.NluDictionaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the on-disk indexes under one folder ({@code v<version>} each) and the one queries use now.
 * A new version is built in the background beside the live one and swapped in atomically, so no
 * query ever sees a half-built index; the old one closes when its last query finishes.
 */
public final class IndexManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IndexManager.class);
    private static final int KEEP = 2;

    private static final int ANALYSES_KEPT = 3;
    /** Up to this many changed entries (or a quarter of the base, if more) a new version updates the live index. */
    private static final int UPDATE_MIN = 1000;

    private final Path root;
    private final IndexBuilder builder;
    private final AtomicReference<KnowledgeIndex> current = new AtomicReference<>();
    /** Analyses of recently loaded dictionaries by content: a rebuild or a rollback to them reuses one. */
    private final Map<String, IndexAnalysis> analyses = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IndexAnalysis> eldest) {
            return size() > ANALYSES_KEPT;
        }
    };
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "index-builder");
        t.setDaemon(true);
        return t;
    });

    private volatile IndexBuilder.Report lastBuild;

    public IndexManager(Path root, IndexBuilder builder) {
        this.root = root;
        this.builder = builder;
    }

    /** The live index with a reference taken, or null before the first version is ready; call {@link KnowledgeIndex#release()}. */
    public KnowledgeIndex acquire() {
        while (true) {
            KnowledgeIndex idx = current.get();
            if (idx == null) return null;
            if (idx.acquire()) return idx;
            // lost a race with a swap that just closed it: read the new one
        }
    }

    /** What the last index build on this node did (null before the first build): the publish benchmark prints it. */
    public IndexBuilder.Report lastBuild() {
        return lastBuild;
    }

    public int liveVersion() {
        KnowledgeIndex idx = current.get();
        return idx == null ? 0 : idx.version();
    }

    /** The analysis of the live index (its version's dictionaries), or the builder's own before any index is live. */
    public IndexAnalysis liveAnalysis() {
        KnowledgeIndex idx = current.get();
        return idx == null || idx.analysis() == null ? builder.analysis() : idx.analysis();
    }

    /** Opens the index of {@code version}, built with the builder's own analysis. Blocks. */
    public KnowledgeIndex load(int version, List<Entry> entries, ProgressListener progress) {
        return load(version, entries, null, progress);
    }

    /**
     * Opens the index of {@code version}, building it first if it is missing, unfinished or made with other
     * dictionaries; {@code dictionaries} are the version's (null: the builder's own analysis). Blocks.
     */
    public KnowledgeIndex load(int version, List<Entry> entries, NluDictionaries dictionaries, ProgressListener progress) {
        IndexBuilder builder = dictionaries == null ? this.builder : this.builder.withAnalysis(analysisFor(dictionaries));
        try {
            Path dir = root.resolve("v" + version);
            if (!builder.isReady(dir)) {
                Map<String, float[]> reuse = reusableVectors();
                IndexBuilder.Report r = build(builder, dir, entries, reuse, progress);
                lastBuild = r;
                log.info("indexed knowledge-base version {} ({} entries, {} texts embedded anew, {} reused, {} documents of unchanged entries kept) in {} ms",
                        version, entries.size(), r.embedded(), r.reused(), r.keptDocuments(), r.millis());
            }
            KnowledgeIndex fresh = KnowledgeIndex.open(version, dir, entries, builder.repairVocabulary(entries), builder.analysis());
            KnowledgeIndex old = current.getAndSet(fresh);
            if (old != null) old.release();
            deleteOld(version);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("building the index of knowledge-base version " + version + " failed", e);
        }
    }

    /**
     * Updates a copy of the live index when it was made with the same model and analysis and the new version changes
     * few of its entries (the editors' weekly publish); otherwise builds from scratch, which also merges away the
     * deleted documents updates leave behind.
     */
    private IndexBuilder.Report build(IndexBuilder builder, Path dir, List<Entry> entries, Map<String, float[]> reuse, ProgressListener progress)
            throws IOException {
        KnowledgeIndex live = acquire();
        try {
            if (live != null && builder.isReady(live.dir())) {
                IndexDiff diff = IndexDiff.between(live, entries);
                if (diff.size() <= Math.max(UPDATE_MIN, entries.size() / 4)) return builder.update(dir, live, entries, diff, reuse, progress);
            }
        } finally {
            if (live != null) live.release();
        }
        return builder.buildReport(dir, entries, reuse, progress);
    }

    /** {@link #load} on the background builder thread; queries keep using the live index meanwhile. */
    public CompletableFuture<KnowledgeIndex> loadAsync(int version, List<Entry> entries) {
        return loadAsync(version, entries, null);
    }

    /** {@link #load(int, List, NluDictionaries, ProgressListener)} on the background builder thread. */
    public CompletableFuture<KnowledgeIndex> loadAsync(int version, List<Entry> entries, NluDictionaries dictionaries) {
        return CompletableFuture.supplyAsync(() -> load(version, entries, dictionaries, ProgressListener.NONE), worker);
    }

    /** The analysis of {@code dictionaries}: the builder's own when they are its dictionaries, else one made once and kept. */
    IndexAnalysis analysisFor(NluDictionaries dictionaries) {
        NluDictionaries own = builder.analysis().dictionaries();
        if (own != null && own.fingerprint().equals(dictionaries.fingerprint())) return builder.analysis();
        synchronized (analyses) {
            return analyses.computeIfAbsent(dictionaries.fingerprint(), k -> IndexAnalysis.of(dictionaries));
        }
    }

    private Map<String, float[]> reusableVectors() {
        KnowledgeIndex live = acquire();
        if (live == null) return Map.of();
        try {
            return live.storedVectors();
        } finally {
            live.release();
        }
    }

    private void deleteOld(int liveVersion) {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> old = dirs.filter(p -> p.getFileName().toString().matches("v\\d+"))
                    .filter(p -> Integer.parseInt(p.getFileName().toString().substring(1)) != liveVersion)
                    .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString().substring(1))).reversed())
                    .toList();
            for (Path p : old.subList(Math.min(old.size(), KEEP - 1), old.size())) deleteTree(p);
        } catch (IOException e) {
            log.warn("could not clean old index folders under {}: {}", root, e.getMessage());
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        KnowledgeIndex idx = current.getAndSet(null);
        if (idx != null) idx.release();
    }
}
