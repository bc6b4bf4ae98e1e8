package org.openhotline.server.editor;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openhotline.kb.workflow.EditorialWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes due scheduled batches. Schedules are rows, so one set after a restart (or on another node) still
 * runs; a node claims each row before publishing, so it runs once.
 */
public final class PublishScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PublishScheduler.class);
    private final EditorialWorkflow workflow;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-publish-schedule");
        t.setDaemon(true);
        return t;
    });

    public PublishScheduler(EditorialWorkflow workflow) {
        this.workflow = workflow;
    }

    public PublishScheduler start(int pollSeconds) {
        timer.scheduleWithFixedDelay(this::runDue, 0, Math.max(1, pollSeconds), TimeUnit.SECONDS);
        return this;
    }

    void runDue() {
        try {
            workflow.runDue().forEach(s -> log.info("scheduled publish {}: {} {}", s.id(), s.status(), s.outcome()));
        } catch (RuntimeException e) {
            log.warn("checking scheduled publishes failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
