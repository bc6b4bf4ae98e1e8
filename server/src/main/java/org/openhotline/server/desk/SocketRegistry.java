package org.openhotline.server.desk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The open sockets of this node by owner (an agent's id, a citizen's chat session): one person may have several tabs,
 * and every one of them gets the owner's frames. Owners with no socket here are simply skipped (another node, or offline).
 */
public final class SocketRegistry {
    private final Map<String, Set<LiveSocket>> byOwner = new ConcurrentHashMap<>();

    public void add(String owner, LiveSocket socket) {
        byOwner.computeIfAbsent(owner, k -> new CopyOnWriteArraySet<>()).add(socket);
    }

    public void remove(String owner, LiveSocket socket) {
        byOwner.computeIfPresent(owner, (k, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
    }

    /** The owner's open sockets on this node (empty when none). */
    public List<LiveSocket> of(String owner) {
        Set<LiveSocket> set = owner == null ? null : byOwner.get(owner);
        return set == null ? List.of() : List.copyOf(set);
    }

    /** Empty sets are removed, so a key present means a socket open. */
    public boolean connected(String owner) {
        return owner != null && byOwner.containsKey(owner);
    }

    public Set<String> owners() {
        return Set.copyOf(byOwner.keySet());
    }

    public boolean isEmpty() {
        return byOwner.isEmpty();
    }

    /** Open sockets in all (benchmarks and tests wait for them). */
    public int size() {
        return byOwner.values().stream().mapToInt(Set::size).sum();
    }
}
