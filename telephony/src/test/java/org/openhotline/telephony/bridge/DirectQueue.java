package org.openhotline.telephony.bridge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link CallQueue} without a desk, for the bridge's tests: rings a group's phones one after the other and tells
 * the call nobody is there after the last; a group without phones is refused. {@link #held} keeps the calls a
 * test drives by hand (group "hold").
 */
final class DirectQueue implements CallQueue {
    private final Map<String, List<String>> phones;
    private final String leader;
    final CompletableFuture<WaitingCall> held = new CompletableFuture<>();

    DirectQueue(Map<String, List<String>> phones, String leader) {
        this.phones = phones;
        this.leader = leader;
    }

    @Override
    public boolean enqueue(WaitingCall call) {
        if (call.group().equals("hold")) return held.complete(call);
        List<String> uris = phones.getOrDefault(call.group(), List.of());
        if (uris.isEmpty()) return false;
        ring(call, uris, 0);
        return true;
    }

    private void ring(WaitingCall call, List<String> uris, int i) {
        if (i >= uris.size()) {
            call.noAgent();
            return;
        }
        call.ring("agent" + i, uris.get(i)).thenAccept(answered -> {
            if (!answered) ring(call, uris, i + 1);
        });
    }

    @Override
    public Optional<String> leaderUri(String skillGroup) {
        return Optional.ofNullable(leader);
    }
}
