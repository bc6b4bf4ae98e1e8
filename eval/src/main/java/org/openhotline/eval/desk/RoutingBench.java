package org.openhotline.eval.desk;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.openhotline.desk.group.RoutingStrategy;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.presence.Presence;
import org.openhotline.desk.routing.AgentSlot;
import org.openhotline.desk.routing.Router;
import org.openhotline.desk.routing.WaitingChat;

/**
 * Times the desk's routing decision over in-memory state (target ≤ 1 ms): {@code agents} agents in four skill
 * groups (one strategy each) carrying the active chats, the rest of {@code chats} waiting (one in five a phone call, which
 * only agents with a phone and not on a call take). One decision = the
 * router built from the agents' snapshot plus the pick for one waiting chat (what a new handoff costs); a pass =
 * the plan for the whole waiting queue (what each routing pass computes before its claims).
 */
public final class RoutingBench {
    public record Result(int agents, int active, int waiting, int decisions, double p50Micros, double p99Micros, double maxMicros,
                         double passP50Micros, double passP99Micros) {}

    static final List<String> GROUPS = List.of("社保", "医保", "公积金", "12345");

    public static Result run(int agents, int chats, int decisions, long seed, PrintStream out) {
        Random rnd = new Random(seed);
        Instant now = Instant.parse("2026-03-02T02:00:00Z");
        Map<String, SkillGroup> groups = new HashMap<>();
        RoutingStrategy[] strategies = RoutingStrategy.values();
        for (int i = 0; i < GROUPS.size(); i++) {
            groups.put(GROUPS.get(i), new SkillGroup(GROUPS.get(i), GROUPS.get(i), strategies[i % strategies.length], i == 3 ? 3 : 0, null,
                    Duration.ZERO, Duration.ofMinutes(10), null, true));
        }
        int[] max = new int[agents];
        int[] load = new int[agents];
        int capacity = 0;
        for (int a = 0; a < agents; a++) {
            max[a] = 4 + rnd.nextInt(5);
            capacity += max[a];
        }
        int active = Math.min(chats / 2, capacity - agents); // leave room so decisions find someone
        for (int c = 0; c < active; c++) {
            int a = rnd.nextInt(agents);
            while (load[a] >= max[a] - 1) a = (a + 1) % agents;
            load[a]++;
        }
        List<WaitingChat> waiting = new ArrayList<>();
        for (int c = 0; c < chats - active; c++) {
            String preferred = rnd.nextInt(5) == 0 ? "agent-" + rnd.nextInt(agents) : null;
            boolean call = c % 5 == 0; // one in five waiting is a phone call
            waiting.add(new WaitingChat(String.valueOf(c + 1), call ? "call-" + c : "s" + c, GROUPS.get(rnd.nextInt(GROUPS.size())), rnd.nextInt(3),
                    now.minusSeconds(rnd.nextInt(600)), preferred, Set.of(), call));
        }
        int warm = Math.max(1000, decisions / 5);
        long[] one = new long[decisions];
        for (int i = -warm; i < decisions; i++) {
            WaitingChat chat = waiting.get(Math.floorMod(i, waiting.size()));
            long t0 = System.nanoTime();
            Router r = new Router(slots(agents, load, max, now, rnd));
            Router.Assignment a = r.decide(chat, groups.get(chat.group()), now);
            long t = System.nanoTime() - t0;
            if (i >= 0) one[i] = t;
            if (a == null && i == 0) out.println("note: a sampled chat found no free agent");
        }
        int passes = Math.max(50, decisions / 100);
        long[] pass = new long[passes];
        for (int i = -passes / 5; i < passes; i++) {
            long t0 = System.nanoTime();
            new Router(slots(agents, load, max, now, rnd)).plan(waiting, groups, now);
            long t = System.nanoTime() - t0;
            if (i >= 0) pass[i] = t;
        }
        Arrays.sort(one);
        Arrays.sort(pass);
        Result res = new Result(agents, active, waiting.size(), decisions, pct(one, 0.50), pct(one, 0.99), one[one.length - 1] / 1000.0,
                pct(pass, 0.50), pct(pass, 0.99));
        out.printf("routing: %d agents, %d active + %d waiting chats%n", agents, active, waiting.size());
        out.printf("one decision (router from snapshot + pick): p50 %.1f µs, p99 %.1f µs, max %.1f µs over %d%n", res.p50Micros(), res.p99Micros(),
                res.maxMicros(), decisions);
        out.printf("whole queue planned: p50 %.1f µs, p99 %.1f µs over %d passes%n", res.passP50Micros(), res.passP99Micros(), passes);
        return res;
    }

    private static List<AgentSlot> slots(int agents, int[] load, int[] max, Instant now, Random rnd) {
        List<AgentSlot> out = new ArrayList<>(agents);
        for (int a = 0; a < agents; a++) {
            Set<String> g = new java.util.HashSet<>(List.of(GROUPS.get(a % 4)));
            if (a % 5 == 0) g.add("12345"); // some agents serve the general line too
            // half the agents have a phone; one in seven of them is on a call (takes nothing else)
            out.add(new AgentSlot("agent-" + a, a % 10 == 9 ? Presence.AWAY : Presence.ONLINE, load[a], max[a], g,
                    now.minusSeconds(60L * a), now.minusSeconds(7L * a), a % 2 == 0, a % 14 == 0));
        }
        return out;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }
}
