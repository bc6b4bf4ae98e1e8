package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhotline.server.Await;

/**
 * A signed-in person's calls to the desk API as the console makes them (session cookie + CSRF header), and the
 * WebSockets of the console and the web chat collecting every frame they receive, for the desk's API tests.
 */
final class DeskSession {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;
    final String cookie;
    final String csrf;
    final JsonNode user;

    private DeskSession(String base, String cookie, String csrf, JsonNode user) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
        this.user = user;
    }

    static DeskSession login(TestServer server, String username, String password) throws Exception {
        String base = "127.0.0.1:" + server.app().port();
        HttpResponse<String> r = server.post("/api/auth/login", TestServer.JSON.writeValueAsString(Map.of("username", username, "password", password)));
        assertEquals(200, r.statusCode(), r.body());
        String cookie = r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("hotline_session=")).findFirst().orElseThrow();
        JsonNode body = TestServer.JSON.readTree(r.body());
        return new DeskSession(base, cookie, body.path("csrf").asText(), body.path("user"));
    }

    /** The session cookie ("hotline_session=…"), for requests this class does not make (binary downloads). */
    String cookie() {
        return cookie;
    }

    String id() {
        return user.path("id").asText();
    }

    HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), "application/json");
    }

    HttpResponse<String> call(String method, String path, HttpRequest.BodyPublisher body, String type) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + base + path)).header("Content-Type", type)
                .header("Cookie", cookie).header("X-CSRF-Token", csrf).method(method, body).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode expect(int status, String method, String path, String body) throws Exception {
        return TestServer.ok(call(method, path, body), status);
    }

    /** The console's socket as this person; {@code query} e.g. "?resume=abc:3". */
    Frames agentSocket(String query) {
        return Frames.open(base, "/ws/agent" + query, cookie);
    }

    /** Every text frame a socket received, in order. */
    static final class Frames implements WebSocket.Listener {
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        private final StringBuilder part = new StringBuilder();
        WebSocket socket;

        static Frames open(String base, String path, String cookie) {
            Frames f = new Frames();
            WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            if (cookie != null) b.header("Cookie", cookie);
            f.socket = b.buildAsync(URI.create("ws://" + base + path), f).join();
            return f;
        }

        static Frames citizen(TestServer server, String query) {
            return open("127.0.0.1:" + server.app().port(), "/ws/chat" + query, null);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                try {
                    frames.add(TestServer.JSON.readTree(part.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                part.setLength(0);
            }
            ws.request(1);
            return null;
        }

        /** Chat message bodies received (message frames), in order. */
        List<String> bodies() {
            return frames.stream().filter(f -> "message".equals(f.path("type").asText())).map(f -> f.path("message").path("body").asText()).toList();
        }

        JsonNode await(String type) throws InterruptedException {
            Await.until(() -> frames.stream().anyMatch(f -> type.equals(f.path("type").asText())), () -> "no '" + type + "' frame; got " + frames);
            return frames.stream().filter(f -> type.equals(f.path("type").asText())).findFirst().orElseThrow();
        }

        /** Waits until every one of {@code texts} has arrived as a message body (system lines arrive too, in any order). */
        void awaitBodiesContaining(String... texts) throws InterruptedException {
            Await.until(() -> bodies().containsAll(List.of(texts)), () -> "messages " + List.of(texts) + " never all arrived; got " + bodies());
        }

        void awaitBodies(int n) throws InterruptedException {
            Await.until(() -> bodies().size() >= n, () -> n + " messages never arrived; got " + bodies());
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
