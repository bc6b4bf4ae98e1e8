package org.openhotline.bot.flow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP client against a real loopback server: JSON both ways, errors and the whole-exchange timeout. */
class HttpBusinessClientTest {
    private static HttpServer server;
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private final BusinessClient client = BusinessClient.http();

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/echo", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            received.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + ex.getRequestHeaders().getFirst("X-Test") + " " + new String(in, StandardCharsets.UTF_8));
            reply(ex, 200, "{\"status\":\"ok\",\"amount\":568.50,\"list\":[1,2]}");
        });
        server.createContext("/fail", ex -> reply(ex, 500, "{\"status\":\"error\"}"));
        server.createContext("/html", ex -> reply(ex, 200, "<html>oops</html>"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "{}");
        });
        server.start();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void postsJsonAndParsesTheAnswer() {
        BusinessResponse r = client.send(new BusinessRequest("POST", uri("/echo"), Map.of("X-Test", "yes"), "{\"a\":\"张三\"}", Duration.ofSeconds(2)));
        assertEquals(BusinessResponse.Outcome.OK, r.outcome());
        Map<?, ?> body = (Map<?, ?>) r.body();
        assertEquals("ok", body.get("status"));
        assertEquals(new BigDecimal("568.50"), body.get("amount"), "decimals keep their written scale");
        assertEquals(List.of(1, 2), body.get("list"));
        assertTrue(received.contains("POST application/json; charset=utf-8 yes {\"a\":\"张三\"}"), received.toString());
    }

    @Test
    void failuresAreOutcomesNotExceptions() {
        assertEquals(new BusinessResponse(BusinessResponse.Outcome.ERROR, 500, null, "HTTP 500"),
                client.send(new BusinessRequest("GET", uri("/fail"), Map.of(), null, Duration.ofSeconds(2))));
        assertEquals("response is not JSON", client.send(new BusinessRequest("GET", uri("/html"), Map.of(), null, Duration.ofSeconds(2))).detail());
        BusinessResponse refused = client.send(new BusinessRequest("GET", URI.create("http://127.0.0.1:1/x"), Map.of(), null, Duration.ofSeconds(2)));
        assertEquals(BusinessResponse.Outcome.ERROR, refused.outcome());
        assertEquals(BusinessResponse.Outcome.ERROR, client.send(new BusinessRequest("GET", URI.create("relative/path"), Map.of(), null,
                Duration.ofSeconds(2))).outcome());
    }

    @Test
    void timeoutCoversTheWholeExchange() {
        long t0 = System.nanoTime();
        BusinessResponse r = client.send(new BusinessRequest("GET", uri("/slow"), Map.of(), null, Duration.ofMillis(300)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(BusinessResponse.Outcome.TIMEOUT, r.outcome());
        assertTrue(ms < 1500, "returned after " + ms + " ms");
    }
}
