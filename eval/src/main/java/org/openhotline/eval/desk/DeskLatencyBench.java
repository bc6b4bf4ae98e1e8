package org.openhotline.eval.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;

/**
 * The agent desk under load on an in-process server over real sockets: {@code agents} agents signed in with their
 * consoles' WebSockets open, {@code chats} citizens handed over (their web chat sockets open too), as many active as
 * the agents can hold and the rest waiting. Then citizens of active chats write through the web chat's
 * {@code POST /api/chat} at a steady rate, and each message is timed until its frame reaches the agent's socket.
 */
public final class DeskLatencyBench {
    /** Settings of one run. */
    public record Settings(int agents, int chats, int maxChats, int messages, int ratePerSecond) {}

    /** Latencies in milliseconds from the citizen's send to the agent's socket; lost = never arrived, duplicated = arrived twice. */
    public record Result(int agents, int chats, int active, int messages, double p50, double p90, double p99, double max, int lost, int duplicated) {}

    private final PrintStream out;

    public DeskLatencyBench(PrintStream out) {
        this.out = out;
    }

    public Result run(HotlineConfig base, Settings s) throws Exception {
        Path data = Files.createTempDirectory("hotline-bench-desk");
        String token = "bench-" + Long.toHexString(new Random().nextLong());
        HotlineConfig config = base.with("data.dir", data.toString()).with("server.port", "0").with("server.host", "127.0.0.1")
                .with("server.admin-token", token).with("kb.poll-seconds", "0").with("desk.auto-accept", "true")
                .with("auth.sample-accounts", "false").with("sample-business.enabled", "false");
        try (HotlineApp app = new HotlineApp(config).start(ProgressListener.NONE)) {
            while (app.engine().indexes().liveVersion() < 1) Thread.sleep(100);
            DeskClient client = new DeskClient(app.port());
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            AtomicInteger duplicates = new AtomicInteger();
            List<WebSocket> sockets = new ArrayList<>();
            List<DeskClient.Agent> agents = signIn(client, token, s, arrived, duplicates, sockets);
            out.printf("%d agents signed in with their sockets open%n", agents.size());
            List<String> sessions = handOver(client, s.chats(), sockets);
            Map<String, DeskClient.Agent> active = awaitActive(client, agents, Math.min(s.chats(), s.agents() * s.maxChats()));
            out.printf("%d chats handed over: %d active, %d waiting%n", sessions.size(), active.size(), sessions.size() - active.size());
            Map<String, Long> sent = send(client, new ArrayList<>(active.keySet()), s);
            Thread.sleep(5_000); // stragglers
            return result(s, active.size(), sent, arrived, duplicates.get());
        } finally {
            deleteTree(data);
        }
    }

    private List<DeskClient.Agent> signIn(DeskClient client, String token, Settings s, Map<String, Long> arrived, AtomicInteger duplicates,
                                          List<WebSocket> sockets) throws Exception {
        List<DeskClient.Agent> agents = new ArrayList<>();
        for (int i = 1; i <= s.agents(); i++) {
            String name = "bench-agent-" + i;
            String password = "bench-password-" + i;
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", name);
            user.put("displayName", "压测坐席" + i);
            user.put("password", password);
            user.put("roles", List.of("AGENT"));
            user.put("skillGroups", List.of("12345"));
            user.put("maxChats", s.maxChats());
            user.put("mustChangePassword", false);
            client.call("POST", "/api/admin/users", user, token, null);
            DeskClient.Agent a = client.login(name, password);
            sockets.add(client.socket("/ws/agent", a, frame -> onAgentFrame(frame, arrived, duplicates)));
            agents.add(a);
        }
        return agents;
    }

    /** Notes when a benchmark message ("bench-<n> …") reaches an agent's socket; a second arrival is a duplicate. */
    private static void onAgentFrame(String frame, Map<String, Long> arrived, AtomicInteger duplicates) {
        long now = System.nanoTime();
        int at = frame.indexOf("\"body\":\"bench-");
        if (at < 0) return;
        int end = frame.indexOf(' ', at);
        String key = frame.substring(at + 8, end);
        if (arrived.putIfAbsent(key, now) != null) duplicates.incrementAndGet();
    }

    private List<String> handOver(DeskClient client, int chats, List<WebSocket> sockets) throws Exception {
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < chats; i++) sessions.add("bench-citizen-" + i);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (String session : sessions) {
                done.add(pool.submit(() -> {
                    synchronized (sockets) {
                        sockets.add(client.socket("/ws/chat?session=" + session, null, f -> { }));
                    }
                    return client.call("POST", "/api/chat", Map.of("sessionId", session, "text", "转人工"), null, null);
                }));
            }
            for (Future<?> f : done) f.get();
        }
        return sessions;
    }

    /** Session id → the agent who has it, once {@code expected} chats are active (auto-accept). */
    private Map<String, DeskClient.Agent> awaitActive(DeskClient client, List<DeskClient.Agent> agents, int expected) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Map<String, DeskClient.Agent> active = new HashMap<>();
            for (DeskClient.Agent a : agents) {
                for (JsonNode c : client.call("GET", "/api/desk/snapshot", null, null, a).path("chats")) {
                    if ("ACTIVE".equals(c.path("state").asText())) active.put(c.path("sessionId").asText(), a);
                }
            }
            if (active.size() >= expected || System.nanoTime() > deadline) return active;
            Thread.sleep(500);
        }
    }

    private Map<String, Long> send(DeskClient client, List<String> sessions, Settings s) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        long interval = 1_000_000_000L / Math.max(1, s.ratePerSecond());
        long start = System.nanoTime();
        Random random = new Random(7);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < s.messages(); i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                String key = "bench-" + i;
                String session = sessions.get(random.nextInt(sessions.size()));
                pool.submit(() -> {
                    sent.put(key, System.nanoTime());
                    return client.call("POST", "/api/chat", Map.of("sessionId", session, "text", key + " 请问我的社保转移办到哪一步了"), null, null);
                });
                if ((i + 1) % 500 == 0) out.printf("  %d messages sent%n", i + 1);
            }
        }
        return sent;
    }

    private static Result result(Settings s, int active, Map<String, Long> sent, Map<String, Long> arrived, int duplicates) {
        List<Double> ms = new ArrayList<>();
        int lost = 0;
        for (var e : sent.entrySet()) {
            Long at = arrived.get(e.getKey());
            if (at == null) lost++;
            else ms.add((at - e.getValue()) / 1e6);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(s.agents(), s.chats(), active, sent.size(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], lost, duplicates);
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, Math.min(i, sorted.length - 1))] * 100) / 100.0;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

}
