package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;

/**
 * The whole product on a random port of 127.0.0.1 over a data folder of its own, and the calls an API test makes to
 * it (as a citizen, or as an editor with the admin token). A test class registers one as a static
 * {@code @RegisterExtension} field: it starts before the class's tests and is closed and deleted after them, so each
 * class has its own server and its data never mixes with another's.
 */
final class TestServer implements BeforeAllCallback, AfterAllCallback {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, String> env;
    private final String configYaml;
    private final String token;
    private Path data;
    private HotlineConfig config;
    private HotlineApp app;
    private String base;

    private TestServer(Builder b) {
        this.env = Map.copyOf(b.env);
        this.configYaml = b.configYaml;
        this.token = b.token;
    }

    /** No admin token (the admin API is off), the knowledge base never polled, the sample loaded. */
    static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        data = Files.createTempDirectory("hotline-api-test");
        Map<String, String> all = new HashMap<>(env);
        all.put("HOTLINE_DATA", data.toString());
        Path file = null;
        if (configYaml != null) file = Files.writeString(data.resolve("hotline.yml"), configYaml);
        config = HotlineConfig.load(file, all);
        app = new HotlineApp(config).start(ProgressListener.NONE);
        base = "http://127.0.0.1:" + app.port();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (app != null) app.close();
        } finally {
            deleteTree(data);
        }
    }

    HotlineApp app() {
        return app;
    }

    HotlineConfig config() {
        return config;
    }

    /** {@code bearer}: the Authorization token to send, or null for none. */
    HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Without a token, as a citizen's browser. */
    HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body, null);
    }

    /** Without a token or a body. */
    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    /** With the admin token this server was started with. */
    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, path, body, token);
    }

    /** The JSON of an admin call that must answer {@code status} (null for an empty body). */
    JsonNode expect(int status, String method, String path, String body) throws Exception {
        return ok(admin(method, path, body), status);
    }

    /** One chat message that must be answered with 200; the answer's JSON. */
    JsonNode chat(String session, String text) throws Exception {
        return ok(post("/api/chat", JSON.writeValueAsString(Map.of("sessionId", session, "text", text))), 200);
    }

    /** The JSON of a response that must have {@code status} (null for an empty body). */
    static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    /** A refusal with {@code status}, the stable {@code code}, and a message for people. */
    static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(code, body.get("error").asText(), r.body());
        assertFalse(body.get("message").asText().isBlank());
    }

    /** {@code s} as one path segment or query value. */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static final class Builder {
        private final Map<String, String> env = new LinkedHashMap<>();
        private String configYaml;
        private String token;

        private Builder() {
            env.put("HOTLINE_PORT", "0");
            env.put("HOTLINE_SERVER_HOST", "127.0.0.1");
            env.put("HOTLINE_KB_POLL_SECONDS", "0");
        }

        /** Turns the admin API on with this token; {@link #admin} sends it. */
        Builder adminToken(String token) {
            this.token = token;
            return env("HOTLINE_SERVER_ADMIN_TOKEN", token);
        }

        /** One more environment override, as {@code HOTLINE_<PATH>} would set it. */
        Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** A hotline.yml read over the defaults (the environment still wins). */
        Builder configYaml(String yaml) {
            this.configYaml = yaml;
            return this;
        }

        TestServer build() {
            return new TestServer(this);
        }
    }
}
