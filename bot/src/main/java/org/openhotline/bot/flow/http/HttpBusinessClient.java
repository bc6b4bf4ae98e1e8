package org.openhotline.bot.flow.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link BusinessClient} over {@code java.net.http}: JSON in and out, the flow's timeout enforced on the
 * whole exchange (a server that sends headers and then stalls is cut off too), any non-2xx status or
 * non-JSON body an error. Thread-safe; one instance serves every flow.
 */
public final class HttpBusinessClient implements BusinessClient {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HttpClient http;

    public HttpBusinessClient() {
        this(Duration.ofSeconds(3));
    }

    public HttpBusinessClient(Duration connectTimeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public BusinessResponse send(BusinessRequest r) {
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(r.uri()).timeout(r.timeout());
            r.headers().forEach(b::header);
            if (r.body() != null) {
                b.header("Content-Type", "application/json; charset=utf-8");
                b.method(r.method(), HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
            } else {
                b.method(r.method(), HttpRequest.BodyPublishers.noBody());
            }
            b.header("Accept", "application/json");
            request = b.build();
        } catch (IllegalArgumentException e) {
            return BusinessResponse.error(0, "bad request: " + e.getMessage());
        }
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = pending.get(r.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return BusinessResponse.timeout("no answer within " + r.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return BusinessResponse.error(0, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) return BusinessResponse.timeout(cause.getClass().getSimpleName());
            return BusinessResponse.error(0, cause == null ? "failed" : cause.getClass().getSimpleName());
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) return BusinessResponse.error(status, "HTTP " + status);
        try {
            String body = response.body();
            return BusinessResponse.ok(status, body == null || body.isBlank() ? java.util.Map.of() : JSON.readValue(body, Object.class));
        } catch (java.io.IOException e) {
            return BusinessResponse.error(status, "response is not JSON");
        }
    }
}
