package org.openhotline.eval.dialogue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.Turn;
import org.openhotline.bot.message.Channel;
import org.openhotline.bot.message.Inbound;

/**
 * The dialogue engine's own cost: many sessions live at once, each playing the same mix of turns (a
 * question, thanks, a vague question and a pick, a transfer and leaving the queue), interleaved so every
 * session stays open. Per turn it records the total time and the time outside retrieval.
 */
public final class DialogueBench {
    /** A citizen's visit: retrieval turns and turns the engine handles alone. */
    public static final List<String> VISIT = List.of("社保卡丢了怎么补办", "谢谢", "公积金", "1", "转人工", "算了不等了");

    /** What one run measured. */
    public record Result(int sessions, int turns, double overheadP50, double overheadP99, double totalP50, double totalP99, double heapMb) {}

    private DialogueBench() {
    }

    /** Plays {@code sessions} visits interleaved turn by turn; {@code progress} hears each finished round. */
    public static Result run(Conversation c, int sessions, String prefix, IntConsumer progress) {
        List<Double> overhead = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int round = 0; round < VISIT.size(); round++) {
            String text = VISIT.get(round);
            for (int s = 0; s < sessions; s++) {
                long t0 = System.nanoTime();
                Turn t = c.respond(new Inbound(Channel.WEB, prefix + s, text));
                long spent = System.nanoTime() - t0;
                total.add(spent / 1e6);
                overhead.add((spent - t.retrievalNanos()) / 1e6);
            }
            progress.accept(round + 1);
        }
        return new Result(sessions, total.size(), pct(overhead, 50), pct(overhead, 99), pct(total, 50), pct(total, 99), heapMb());
    }

    /** Used heap after collection, in MB. */
    public static double heapMb() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    static double pct(List<Double> xs, int p) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        if (a.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * a.length) - 1;
        return a[Math.max(0, Math.min(a.length - 1, i))];
    }
}
