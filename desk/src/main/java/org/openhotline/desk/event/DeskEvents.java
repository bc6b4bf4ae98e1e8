package org.openhotline.desk.event;

import java.util.function.Consumer;

/**
 * The desk's event bus: in-process by default, Redis pub/sub across nodes when {@code redis.url} is set.
 * Subscribers are called on a bus thread and must be quick (hand off to a WebSocket send queue).
 */
public interface DeskEvents extends AutoCloseable {
    void publish(DeskEvent event);

    /** Returns a handle that unsubscribes. */
    AutoCloseable subscribe(Consumer<DeskEvent> subscriber);

    @Override
    void close();
}
