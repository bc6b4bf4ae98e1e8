package org.openhotline.eval.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * N clients, each sending its next question as soon as the previous answer arrived (closed loop), for a
 * fixed time; bounded in time and count, and only ever aimed at the loopback server the bench started.
 */
public final class LoadDriver {
    public record Result(long requests, long errors, double seconds, double[] sortedMillis) {
        public double qps() {
            return requests / seconds;
        }
    }

    public static Result run(URI chatUri, List<String> questions, int clients, Duration duration) throws InterruptedException {
        if (!"127.0.0.1".equals(chatUri.getHost()) && !"localhost".equals(chatUri.getHost())) {
            throw new IllegalArgumentException("the bench only drives a server on loopback");
        }
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        List<double[]> perClient = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            perClient.add(new double[1 << 16]);
            counts.add(0);
        }
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                final int client = c;
                pool.submit(() -> {
                    double[] lat = perClient.get(client);
                    int n = 0;
                    while (System.nanoTime() < deadline && n < lat.length) {
                        String q = questions.get(Math.floorMod(next.getAndIncrement(), questions.size()));
                        String body;
                        try {
                            body = json.writeValueAsString(java.util.Map.of("sessionId", "bench-" + client, "text", q));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(chatUri).timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) errors.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        lat[n++] = (System.nanoTime() - t0) / 1e6;
                    }
                    synchronized (counts) {
                        counts.set(client, n);
                    }
                    return null;
                });
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        double[] all = new double[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, k, counts.get(c));
            k += counts.get(c);
        }
        java.util.Arrays.sort(all);
        return new Result(total, errors.get(), secs, all);
    }

    private LoadDriver() {}
}
