package org.openhotline.server.desk;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's socket with an ordered outbox drained on a virtual thread: the desk's event thread never waits on a
 * slow browser, frames leave in the order they were queued, and a chat message whose sequence number the browser
 * already has is dropped. Replaying "messages after the browser's last seq" is queued before live delivery starts, so
 * a reconnect neither loses nor duplicates a message.
 */
public final class LiveSocket {
    private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);
    /** More than this many frames waiting means the browser stopped reading: the socket is closed, it resumes on reconnect. */
    static final int MAX_PENDING = 2_000;

    private final String id;
    private final Consumer<String> transport;
    private final Runnable closer;
    private final Executor executor;
    private final Queue<Frame> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    /**
     * @param transport sends one text frame (blocking is fine: it runs on the outbox's thread)
     * @param closer    closes the underlying socket when the browser falls too far behind
     */
    public LiveSocket(String id, Consumer<String> transport, Runnable closer, Executor executor) {
        this.id = id;
        this.transport = transport;
        this.closer = closer;
        this.executor = executor;
    }

    public String id() {
        return id;
    }

    /** The browser already holds chat {@code chatId} up to {@code seq} (what it said when it connected). */
    public void seen(String chatId, long seq) {
        lastSeq.merge(chatId, seq, Math::max);
    }

    /** A frame that is not a chat message (presence, queue, typing): always delivered. */
    public void send(String json) {
        enqueue(new Frame(null, 0, json));
    }

    /** A chat message: delivered once, in order, unless the browser already has its sequence number. */
    public void sendMessage(String chatId, long seq, String json) {
        enqueue(new Frame(chatId, seq, json));
    }

    /**
     * Runs {@code replay} in the outbox's order: what it writes to its {@link Direct} leaves at once, before any live
     * frame queued after this call (history after the browser's last seq, then the live messages, duplicates dropped).
     */
    public void replay(Consumer<Direct> replay) {
        enqueue(new Frame(null, 0, null, replay));
    }

    /** Writes straight to the socket from inside {@link #replay}, with the same once-per-seq rule. */
    public interface Direct {
        void message(String chatId, long seq, String json);

        void frame(String json);
    }

    public boolean isClosed() {
        return closed;
    }

    public void markClosed() {
        closed = true;
        outbox.clear();
    }

    private void enqueue(Frame f) {
        if (closed) return;
        if (pending.incrementAndGet() > MAX_PENDING) {
            log.info("socket {} fell {} frames behind; closing it (the browser resumes on reconnect)", id, MAX_PENDING);
            markClosed();
            closer.run();
            return;
        }
        outbox.add(f);
        if (draining.compareAndSet(false, true)) executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Frame f;
            while ((f = outbox.poll()) != null) {
                pending.decrementAndGet();
                if (!closed) deliver(f);
            }
            draining.set(false);
            // a frame queued after the poll saw an empty queue but before draining was cleared: take it ourselves
            if (outbox.isEmpty() || !draining.compareAndSet(false, true)) return;
        }
    }

    private void deliver(Frame f) {
        try {
            if (f.replay != null) {
                f.replay.accept(new Direct() {
                    @Override
                    public void message(String chatId, long seq, String json) {
                        write(chatId, seq, json);
                    }

                    @Override
                    public void frame(String json) {
                        write(null, 0, json);
                    }
                });
                return;
            }
            write(f.chatId, f.seq, f.json);
        } catch (RuntimeException e) {
            log.info("socket {}: send failed ({}); it resumes on reconnect", id, e.toString());
            markClosed();
        }
    }

    private void write(String chatId, long seq, String json) {
        if (closed) return;
        if (chatId != null) {
            long last = lastSeq.getOrDefault(chatId, 0L);
            if (seq <= last) return;
            lastSeq.put(chatId, seq);
        }
        transport.accept(json);
    }

    private record Frame(String chatId, long seq, String json, Consumer<Direct> replay) {
        Frame(String chatId, long seq, String json) {
            this(chatId, seq, json, null);
        }
    }
}
