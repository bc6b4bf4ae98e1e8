package org.openhotline.server.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openhotline.kb.lexicon.JdbcSensitiveWordStore;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's sensitive-word filter on the store's words: polls the store's revision and reloads
 * when it moved, so an edit made on another node applies here within one poll.
 */
public final class SensitiveWordSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SensitiveWordSync.class);

    private final JdbcSensitiveWordStore store;
    private final SensitiveFilter filter;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sensitive-words-poll");
        t.setDaemon(true);
        return t;
    });
    private long loadedRevision;

    /** {@code loadedRevision}: the revision read just before the filter's current words were loaded. */
    public SensitiveWordSync(JdbcSensitiveWordStore store, SensitiveFilter filter, long loadedRevision) {
        this.store = store;
        this.filter = filter;
        this.loadedRevision = loadedRevision;
    }

    public void start(int pollSeconds) {
        if (pollSeconds > 0) poller.scheduleWithFixedDelay(this::poll, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }

    /** Reloads now, after a local edit; the revision is read first so a concurrent edit is not missed. */
    public synchronized void reload() {
        long rev = store.revision();
        filter.reload(store.load());
        loadedRevision = rev;
    }

    synchronized void poll() {
        try {
            long rev = store.revision();
            if (rev == loadedRevision) return;
            filter.reload(store.load());
            loadedRevision = rev;
            log.info("sensitive words changed (revision {}); filter reloaded", rev);
        } catch (RuntimeException e) {
            log.warn("checking for changed sensitive words failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
