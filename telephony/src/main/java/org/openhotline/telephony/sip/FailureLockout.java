package org.openhotline.telephony.sip;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts wrong SIP passwords per user and source address and locks the pair out for a while after too many in a row,
 * so a phone cannot be used to guess an agent's password. Bounded: at most 10,000 pairs are tracked; when full, pairs
 * that are not locked are forgotten first, then the lock that ends soonest. (Clearing the whole table when full let an
 * attacker lift their own lock with a flood of failures for made-up users.)
 */
final class FailureLockout {
    static final int MAX_TRACKED = 10_000;

    private record State(int failures, long lockedUntil) {}

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final long lockoutMillis;

    FailureLockout(Clock clock, int maxFailures, long lockoutMillis) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockoutMillis = lockoutMillis;
    }

    boolean locked(String key) {
        State s = states.get(key);
        return s != null && s.lockedUntil > clock.millis();
    }

    /** Records a failure; true when this failure locks the pair (the moment to log it, once). */
    boolean failed(String key) {
        if (states.size() >= MAX_TRACKED) prune();
        long now = clock.millis();
        State s = states.merge(key, new State(1, 0), (old, one) -> old.lockedUntil > 0 && old.lockedUntil <= now
                ? one : new State(old.failures + 1, old.lockedUntil));
        if (s.failures >= maxFailures && s.lockedUntil == 0) {
            states.put(key, new State(s.failures, now + lockoutMillis));
            return true;
        }
        return false;
    }

    void succeeded(String key) {
        states.remove(key);
    }

    int size() {
        return states.size();
    }

    private void prune() {
        long now = clock.millis();
        states.entrySet().removeIf(e -> e.getValue().lockedUntil <= now);
        while (states.size() >= MAX_TRACKED) {
            states.entrySet().stream().min(java.util.Comparator.comparingLong(e -> e.getValue().lockedUntil))
                    .ifPresent(e -> states.remove(e.getKey(), e.getValue()));
        }
    }
}
