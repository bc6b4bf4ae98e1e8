package org.openhotline.wechat.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The last {@code capacity} undelivered answers of this node. */
public final class InMemoryUndeliveredLog implements UndeliveredLog {
    private final ArrayDeque<Undelivered> items = new ArrayDeque<>();
    private final int capacity;

    public InMemoryUndeliveredLog(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void record(Undelivered u) {
        if (items.size() == capacity) items.removeFirst();
        items.addLast(u);
    }

    @Override
    public synchronized List<Undelivered> recent(int max) {
        List<Undelivered> out = new ArrayList<>();
        Iterator<Undelivered> it = items.descendingIterator();
        while (it.hasNext() && out.size() < max) out.add(it.next());
        return out;
    }
}
