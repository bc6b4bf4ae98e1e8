package org.openhotline.desk.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One node's event bus: subscribers are called on the publishing thread, in publishing order. A failing
 * subscriber is logged and skipped; it never fails the desk operation that published.
 */
public final class LocalDeskEvents implements DeskEvents {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LocalDeskEvents.class);
    private final List<Consumer<DeskEvent>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(DeskEvent event) {
        deliver(event);
    }

    /** Hands an event to this node's subscribers (also what the Redis bus does with what it receives). */
    void deliver(DeskEvent event) {
        for (Consumer<DeskEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                log.warn("a desk event subscriber failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<DeskEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void close() {
        subscribers.clear();
    }
}
