package org.openhotline.telephony.bridge;

import java.util.ArrayList;
import java.util.List;

/** The missed calls in memory, newest last, bounded: for tests and tools that have no desk (lost on restart). */
public final class RecentMissedCalls implements MissedCalls {
    private final int capacity;
    private final List<MissedCall> calls = new ArrayList<>();

    public RecentMissedCalls(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void add(MissedCall c) {
        calls.add(c);
        if (calls.size() > capacity) calls.removeFirst();
    }

    public synchronized List<MissedCall> list() {
        return List.copyOf(calls);
    }
}
