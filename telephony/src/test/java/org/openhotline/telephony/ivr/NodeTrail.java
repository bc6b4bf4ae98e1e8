package org.openhotline.telephony.ivr;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The nodes an IVR call went through, for tests that wait for the caller to reach a node before pressing on. */
public class NodeTrail implements IvrEvents {
    private final BlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
    private final List<String> visited = new CopyOnWriteArrayList<>();

    @Override
    public void nodeEntered(String callId, String node) {
        visited.add(node);
        arrivals.add(node);
    }

    /** Waits (up to 20 s) until the call enters {@code node}, passing the nodes before it. */
    public void reach(String node) throws InterruptedException {
        String n;
        do {
            n = arrivals.poll(20, TimeUnit.SECONDS);
            assertNotNull(n, "never reached " + node + "; visited " + visited);
        } while (!n.equals(node));
    }

    public List<String> visited() {
        return visited;
    }
}
