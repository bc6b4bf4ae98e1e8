package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A browser without a page: keeps the session cookie like a browser does and sends the CSRF token it was given (or not, or a wrong one). */
final class SignedInClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;
    String csrf;

    SignedInClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** Signs in; the response (200 with the user and the CSRF token, or the refusal). */
    HttpResponse<String> login(String username, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/api/auth/login", JSON.writeValueAsString(Map.of("username", username, "password", password)), null);
        if (r.statusCode() == 200) csrf = JSON.readTree(r.body()).get("csrf").asText();
        return r;
    }

    /** A call carrying the CSRF token this client holds. */
    HttpResponse<String> call(String method, String path, String body) throws Exception {
        return send(method, path, body, csrf);
    }

    HttpResponse<String> send(String method, String path, String body, String csrfHeader) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (csrfHeader != null) b.header("X-CSRF-Token", csrfHeader);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with a Range header (null: none), the body as bytes. */
    HttpResponse<byte[]> range(String path, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (range != null) b.header("Range", range);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
