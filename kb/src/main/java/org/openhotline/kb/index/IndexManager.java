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

    private final Path root;
    private final IndexBuilder builder;
    private final AtomicReference<KnowledgeIndex> current = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "index-builder");
        t.setDaemon(true);
        return t;
    });

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

    public int liveVersion() {
        KnowledgeIndex idx = current.get();
        return idx == null ? 0 : idx.version();
    }

    /** Opens the index of {@code version}, building it first if it is missing or unfinished. Blocks. */
    public KnowledgeIndex load(int version, List<Entry> entries, ProgressListener progress) {
        try {
            Path dir = root.resolve("v" + version);
            if (!builder.isReady(dir)) {
                Map<String, float[]> reuse = reusableVectors();
                long t0 = System.nanoTime();
                int embedded = builder.build(dir, entries, reuse, progress);
                log.info("indexed knowledge-base version {} ({} entries, {} questions embedded anew, {} reused) in {} ms",
                        version, entries.size(), embedded, reuse.size(), (System.nanoTime() - t0) / 1_000_000);
            }
            KnowledgeIndex fresh = KnowledgeIndex.open(version, dir, entries, builder.repairVocabulary(entries));
            KnowledgeIndex old = current.getAndSet(fresh);
            if (old != null) old.release();
            deleteOld(version);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("building the index of knowledge-base version " + version + " failed", e);
        }
    }

    /** {@link #load} on the background builder thread; queries keep using the live index meanwhile. */
    public CompletableFuture<KnowledgeIndex> loadAsync(int version, List<Entry> entries) {
        return CompletableFuture.supplyAsync(() -> load(version, entries, ProgressListener.NONE), worker);
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
