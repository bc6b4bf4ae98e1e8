package org.openhotline.server.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SAMPLE ONLY — a stand-in for the bureau's business systems (social insurance, housing fund, the 12345
 * intake), so the demo and the tests can run the task flows over real HTTP. Every answer is made-up data and
 * says so ({@code "source": "示例业务系统 — 演示数据"}, header {@code X-Sample-Data: true}). It can be made slow or
 * failing ({@code POST /_control {"delayMs":5000,"fail":true}}) to show the flows' timeout and error replies.
 * Listens on loopback only; intake records are kept in memory.
 */
public final class SampleBusinessService implements AutoCloseable {
    public static final String LABEL = "示例业务系统 — 演示数据";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SampleBusinessService.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SampleFaults faults;
    private final Clock clock;
    private final List<Map<String, Object>> intake = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private SampleBusinessService(HttpServer server, ExecutorService executor, SampleFaults faults, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.faults = faults;
        this.clock = clock;
    }

    /** Starts on 127.0.0.1:{@code port} (0: any free port). */
    public static SampleBusinessService start(int port, long delayMs, boolean fail, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            SampleBusinessService s = new SampleBusinessService(server, executor, new SampleFaults(delayMs, fail), clock);
            server.createContext("/", s::handle);
            server.start();
            log.info("sample business service (fake data, for the demo and tests) listening on {}", s.url());
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the sample business service on port " + port, e);
        }
    }

    public static SampleBusinessService start(int port) {
        return start(port, 0, false, Clock.systemDefaultZone());
    }

    /** The base URL the flows call, e.g. http://127.0.0.1:40123 (no trailing slash). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes every business call slow and/or failing from now on; tests use this instead of HTTP. */
    public void faults(long delayMs, boolean fail) {
        faults.set(delayMs, fail);
    }

    /** The intake records received so far (what a work-order module would take over). */
    public List<Map<String, Object>> intakeRecords() {
        return List.copyOf(intake);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/_control")) {
                control(ex, method);
                return;
            }
            if (path.equals("/") && method.equals("GET")) {
                send(ex, 200, labelled(Map.of("endpoints", List.of("POST /si/payment-records", "POST /hf/withdrawal-progress",
                        "POST /intake/records", "GET /intake/records", "GET|POST /_control"))));
                return;
            }
            if (!pause()) {
                send(ex, 503, labelled(Map.of("status", "error", "message", "interrupted")));
                return;
            }
            if (faults.fail()) {
                send(ex, 500, labelled(Map.of("status", "error", "message", "示例业务系统：模拟故障")));
                return;
            }
            switch (method + " " + path) {
                case "POST /si/payment-records" -> paymentRecords(ex);
                case "POST /hf/withdrawal-progress" -> withdrawals(ex);
                case "POST /intake/records" -> newIntake(ex);
                case "GET /intake/records" -> send(ex, 200, labelled(Map.of("records", intakeRecords())));
                default -> send(ex, 404, labelled(Map.of("status", "error", "message", "no such endpoint: " + method + " " + path)));
            }
        } catch (BadInput e) {
            send(ex, 400, labelled(Map.of("status", "invalid", "message", e.getMessage())));
        } catch (RuntimeException e) {
            log.warn("sample business service: {}", e.toString());
            send(ex, 500, labelled(Map.of("status", "error", "message", "internal error")));
        } finally {
            ex.close();
        }
    }

    private boolean pause() {
        long ms = faults.delayMs();
        if (ms <= 0) return true;
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void control(HttpExchange ex, String method) throws IOException {
        if (method.equals("POST")) {
            JsonNode in = body(ex);
            long delay = in.has("delayMs") ? in.get("delayMs").asLong() : faults.delayMs();
            boolean fail = in.has("fail") ? in.get("fail").asBoolean() : faults.fail();
            try {
                faults.set(delay, fail);
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            }
            log.info("sample business service: delay {} ms, fail {}", delay, fail);
        } else if (!method.equals("GET")) {
            send(ex, 405, labelled(Map.of("status", "error", "message", "GET or POST")));
            return;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("delayMs", faults.delayMs());
        state.put("fail", faults.fail());
        send(ex, 200, labelled(state));
    }

    private void paymentRecords(HttpExchange ex) throws IOException {
        JsonNode in = body(ex);
        LocalDate today = LocalDate.now(clock);
        String id = required(in, "id_card").toUpperCase(java.util.Locale.ROOT);
        if (!SampleRecords.validId(id, today)) throw new BadInput("id_card is not a valid ID number");
        String year = required(in, "year");
        if (!year.matches("[0-9]{4}")) throw new BadInput("year must have four digits");
        if (!SampleRecords.DEMO_CODE.equals(required(in, "code"))) {
            send(ex, 200, labelled(Map.of("status", "bad_code")));
            return;
        }
        send(ex, 200, labelled(SampleRecords.paymentRecords(id, Integer.parseInt(year), today)));
    }

    private void withdrawals(HttpExchange ex) throws IOException {
        JsonNode in = body(ex);
        LocalDate today = LocalDate.now(clock);
        String key = required(in, "key").toUpperCase(java.util.Locale.ROOT);
        if (!key.matches("TQ[0-9]{10}") && !SampleRecords.validId(key, today)) {
            throw new BadInput("key must be an ID number or an application number TQ + 10 digits");
        }
        send(ex, 200, labelled(SampleRecords.withdrawals(key, today)));
    }

    private void newIntake(HttpExchange ex) throws IOException {
        JsonNode in = body(ex);
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Object> record = new LinkedHashMap<>();
        String no = "SL" + now.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%04d", sequence.incrementAndGet());
        record.put("recordNo", no);
        record.put("receivedAt", now.withNano(0).toString());
        for (String f : List.of("what", "where", "phone")) record.put(f, required(in, f));
        for (String f : List.of("district", "when", "channel")) record.put(f, in.path(f).asText(""));
        intake.add(record);
        send(ex, 200, labelled(Map.of("status", "ok", "recordNo", no, "replyWithinDays", 5)));
    }

    private static String required(JsonNode in, String field) {
        JsonNode v = in.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) throw new BadInput(field + " is required");
        return v.asText().strip();
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) throw new BadInput("body too large");
            if (bytes.length == 0) return JSON.createObjectNode();
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) throw new BadInput("body must be a JSON object");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInput("body is not JSON");
        }
    }

    private static Map<String, Object> labelled(Map<String, ?> body) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.put("source", LABEL);
        return out;
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("X-Sample-Data", "true");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A request the sample rejects with 400. */
    private static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
