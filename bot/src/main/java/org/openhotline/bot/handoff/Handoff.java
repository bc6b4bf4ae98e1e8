package org.openhotline.bot.handoff;

/**
 * The port through which a conversation passes to people. The desk module implements it (queue, routing,
 * agents); until it is wired, {@link JdbcHandoffQueue} keeps the requests in the database so that none is lost.
 */
public interface Handoff {
    /** Queues the citizen for an agent (TRANSFER) or records a message / callback request for later. */
    HandoffTicket request(HandoffKind kind, HandoffSummary summary, String message, String phone);

    /** A citizen's message while handed over; the desk shows it to the agent. Must not throw. */
    void relay(String sessionId, String channel, String text);

    /** True when an agent is in the citizen's chat now (not only queued): the bot then stays silent on relayed messages. */
    default boolean withAgent(String sessionId) {
        return false;
    }

    /** The citizen left the queue or the chat ("算了，不等了"); the desk ends it. Must not throw. */
    default void cancel(String sessionId) {
        // a desk that only records requests has nothing to cancel
    }
}
