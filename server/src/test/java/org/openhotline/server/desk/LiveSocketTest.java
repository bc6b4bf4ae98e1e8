package org.openhotline.server.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.openhotline.server.Await;

class LiveSocketTest {

    @Test
    void replayedHistoryThenLiveMessagesArriveOnceInOrder() throws Exception {
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            LiveSocket s = new LiveSocket("t", got::add, () -> {}, ex);
            s.seen("c1", 2); // the browser has 1..2
            CountDownLatch replaying = new CountDownLatch(1);
            CountDownLatch liveQueued = new CountDownLatch(1);
            s.replay(direct -> {
                replaying.countDown();
                await(liveQueued); // live messages 4 and 5 are queued while the history is read
                for (long seq = 1; seq <= 4; seq++) direct.message("c1", seq, "m" + seq); // the store already has 4
            });
            assertTrue(replaying.await(30, TimeUnit.SECONDS), "the replay started");
            s.sendMessage("c1", 4, "m4");
            s.sendMessage("c1", 5, "m5");
            s.send("typing");
            liveQueued.countDown();
            Await.until(() -> got.size() == 4, () -> "history then live, once each: " + got);
            assertEquals(List.of("m3", "m4", "m5", "typing"), got);
        }
    }

    @Test
    void manyThreadsSendingKeepEachSenderInOrderAndLoseNothing() throws Exception {
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            LiveSocket s = new LiveSocket("t", got::add, () -> {}, ex);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String chat = "c" + t;
                threads.add(Thread.ofVirtual().start(() -> LongStream.rangeClosed(1, 200).forEach(i -> s.sendMessage(chat, i, chat + ":" + i))));
            }
            for (Thread t : threads) t.join();
            Await.until(() -> got.size() == 1600, () -> got.size() + " of 1600 messages");
            for (int t = 0; t < 8; t++) {
                String chat = "c" + t + ":";
                List<String> mine = got.stream().filter(x -> x.startsWith(chat)).toList();
                assertEquals(LongStream.rangeClosed(1, 200).mapToObj(i -> chat + i).toList(), mine);
            }
        }
    }

    @Test
    void aBrowserThatStopsReadingIsClosedNotBuffered() throws Exception {
        CountDownLatch block = new CountDownLatch(1);
        boolean[] closed = {false};
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            LiveSocket s = new LiveSocket("t", x -> await(block), () -> closed[0] = true, ex);
            for (int i = 0; i <= LiveSocket.MAX_PENDING + 1; i++) s.send("x" + i);
            assertTrue(closed[0]);
            assertTrue(s.isClosed());
            block.countDown();
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS); // generous: giving up early would break the order the test sets up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
