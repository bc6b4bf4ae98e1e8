package org.openhotline.telephony.bridge;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls to return ("漏接回拨"): every transfer nobody answered and every caller who hung up while waiting. In
 * memory, newest last, bounded; the desk's callback tasks will take them over.
 */
public final class MissedCalls {
    private final int capacity;
    private final List<MissedCall> calls = new ArrayList<>();

    public MissedCalls(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(MissedCall c) {
        calls.add(c);
        if (calls.size() > capacity) calls.removeFirst();
    }

    public synchronized List<MissedCall> list() {
        return List.copyOf(calls);
    }

    /** A callback was made: the row leaves the list. */
    public synchronized boolean remove(String callId) {
        return calls.removeIf(c -> c.callId().equals(callId));
    }
}
