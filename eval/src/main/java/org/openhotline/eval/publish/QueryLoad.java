package org.openhotline.eval.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.server.app.HotlineEngine;

/**
 * Client threads asking the live index one question after another (closed loop) while a publish runs, each
 * question timed from before it takes the index to after its candidates: a swap that made a query wait or fail shows.
 */
final class QueryLoad implements AutoCloseable {
    /** One query: when it started (nanoTime), how long it took, whether it got an answer list. */
    record Sample(long startNanos, double millis, boolean ok) {}

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    QueryLoad(HotlineEngine engine, List<String> questions, int clients) {
        var retriever = engine.retriever(engine.retrievalSettings());
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            Thread t = Thread.ofPlatform().name("bench-query-" + c).daemon().start(() -> {
                while (running.get()) {
                    String q = questions.get(Math.floorMod(next.getAndIncrement(), questions.size()));
                    long t0 = System.nanoTime();
                    boolean ok = false;
                    KnowledgeIndex idx = engine.indexes().acquire();
                    if (idx != null) {
                        try {
                            retriever.search(idx, engine.normalizer().normalize(q).normalized(), RetrievalMode.HYBRID, LocalDate.now(), 5);
                            ok = true;
                        } catch (RuntimeException e) {
                            ok = false;
                        } finally {
                            idx.release();
                        }
                    }
                    samples.add(new Sample(t0, (System.nanoTime() - t0) / 1e6, ok));
                }
            });
            threads.add(t);
        }
    }

    /** The queries that started from {@code fromNanos} to {@code toNanos}. */
    List<Sample> between(long fromNanos, long toNanos) {
        return samples.stream().filter(s -> s.startNanos() >= fromNanos && s.startNanos() <= toNanos).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) t.join(30_000);
    }
}
