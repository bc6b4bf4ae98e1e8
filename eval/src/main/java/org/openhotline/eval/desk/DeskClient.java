package org.openhotline.eval.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The HTTP and WebSocket calls the desk benchmark makes, as a browser would: JSON in and out, the session cookie and
 * CSRF token of a signed-in agent, sockets that hand every whole text frame to a listener.
 */
final class DeskClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    DeskClient(int port) {
        this.base = "127.0.0.1:" + port;
    }

    /** A signed-in agent: the cookie and CSRF token their calls carry. */
    record Agent(String id, String username, String cookie, String csrf) {}

    JsonNode call(String method, String path, Object body, String bearer, Agent as) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (as != null) b.header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf());
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    Agent login(String username, String password) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + base + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("username", username, "password", password)))).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("login " + username + " → " + r.statusCode() + " " + r.body());
        String cookie = r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).filter(c -> c.startsWith("hotline_session="))
                .findFirst().orElseThrow(() -> new IllegalStateException("no session cookie for " + username));
        JsonNode body = JSON.readTree(r.body());
        return new Agent(body.path("user").path("id").asText(), username, cookie, body.path("csrf").asText());
    }

    /** Opens {@code path} as a WebSocket (with the agent's cookie when given); every text frame goes to {@code onFrame}. */
    WebSocket socket(String path, Agent as, Consumer<String> onFrame) {
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (as != null) b.header("Cookie", as.cookie());
        return b.buildAsync(URI.create("ws://" + base + path), new WebSocket.Listener() {
            private final StringBuilder part = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                part.append(data);
                if (last) {
                    String frame = part.toString();
                    part.setLength(0);
                    onFrame.accept(frame);
                }
                ws.request(1);
                return null;
            }
        }).join();
    }
}
