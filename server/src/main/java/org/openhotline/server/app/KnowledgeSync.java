package org.openhotline.server.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.KbVersion;
import org.openhotline.kb.store.KnowledgeStore;
import org.openhotline.nlu.lexicon.NluDictionaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's index on the store's current version: loads it at start (publishing the sample
 * first on an empty database), then polls, so a version published by the CLI or another node goes live
 * here within one poll, built in the background.
 */
public final class KnowledgeSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeSync.class);

    private final KnowledgeStore store;
    private final IndexManager indexes;
    private final Function<KbVersion, NluDictionaries> dictionaries;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-version-poll");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean building = new AtomicBoolean();

    public KnowledgeSync(KnowledgeStore store, IndexManager indexes) {
        this(store, indexes, null);
    }

    /** {@code dictionaries}: the NLU dictionaries each version is indexed with (null: the index builder's own). */
    public KnowledgeSync(KnowledgeStore store, IndexManager indexes, Function<KbVersion, NluDictionaries> dictionaries) {
        this.store = store;
        this.indexes = indexes;
        this.dictionaries = dictionaries;
    }

    private NluDictionaries dictionariesOf(KbVersion v) {
        return dictionaries == null ? null : dictionaries.apply(v);
    }

    /** Looks for a new version now instead of at the next poll: after a publish on this node. */
    public void refresh() {
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException e) {
            // closed: nothing to refresh
        }
    }

    /** Blocks until the current version is searchable. */
    public void start(boolean loadSample, int pollSeconds, ProgressListener progress) {
        Optional<KbVersion> current = store.currentVersion();
        if (current.isEmpty() && loadSample) {
            List<Entry> sample = SampleKnowledgeBase.load();
            KbVersion v = store.publish(sample, "bundled sample knowledge base");
            log.info("empty knowledge base: published the bundled sample as version {} ({} entries)", v.number(), v.entryCount());
            current = Optional.of(v);
        }
        current.ifPresent(v -> indexes.load(v.number(), store.entries(v.number()), dictionariesOf(v), progress));
        if (pollSeconds > 0) poller.scheduleWithFixedDelay(this::poll, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }

    void poll() {
        try {
            Optional<KbVersion> v = store.currentVersion();
            if (v.isEmpty() || v.get().number() == indexes.liveVersion() || building.get()) return;
            int n = v.get().number();
            // read before claiming the builder: a failed read must not leave it claimed for good
            List<Entry> entries = store.entries(n);
            NluDictionaries dicts = dictionariesOf(v.get());
            if (!building.compareAndSet(false, true)) return;
            log.info("knowledge-base version {} published; indexing it in the background", n);
            indexes.loadAsync(n, entries, dicts).whenComplete((idx, err) -> {
                building.set(false);
                if (err != null) {
                    log.error("indexing version {} failed; still serving version {}", n, indexes.liveVersion(), err);
                } else {
                    log.info("now answering from knowledge-base version {}", n);
                    refresh(); // a version published while this one was built is picked up now, not a poll later
                }
            });
        } catch (RuntimeException e) {
            log.warn("checking for a new knowledge-base version failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
