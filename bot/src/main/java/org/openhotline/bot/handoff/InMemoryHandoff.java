package org.openhotline.bot.handoff;

import java.util.ArrayList;
import java.util.List;

/** Keeps handoffs in a list: the eval's and unit tests' desk. */
public final class InMemoryHandoff implements Handoff {
    /** One request as received. */
    public record Request(HandoffKind kind, HandoffSummary summary, String message, String phone) {}

    private final List<Request> requests = new ArrayList<>();
    private final List<String> relayed = new ArrayList<>();

    @Override
    public synchronized HandoffTicket request(HandoffKind kind, HandoffSummary summary, String message, String phone) {
        requests.add(new Request(kind, summary, message, phone));
        long queued = requests.stream().filter(r -> r.kind() == HandoffKind.TRANSFER).count();
        return new HandoffTicket(String.valueOf(requests.size()), kind == HandoffKind.TRANSFER ? (int) queued : 0);
    }

    @Override
    public synchronized void relay(String sessionId, String channel, String text) {
        relayed.add(sessionId + ": " + text);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<String> relayed() {
        return List.copyOf(relayed);
    }
}
