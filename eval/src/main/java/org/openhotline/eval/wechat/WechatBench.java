package org.openhotline.eval.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhotline.eval.quality.Stats;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.app.SampleKnowledgeBase;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.wechat.simulator.WechatSimulator;
import org.openhotline.wechat.simulator.WechatSimulator.Attempt;
import org.openhotline.wechat.simulator.WechatSimulator.Mode;

/**
 * The WeChat channel under load, on the whole product (HotlineApp: Javalin, H2, the sample knowledge base, the
 * desk) with the simulator playing WeChat (signed, AES-sealed callbacks; WeChat's 5 s patience and retries):
 * <ol>
 *   <li>FAQ: {@code users} citizens ask the sample knowledge base's questions back to back for {@code seconds};
 *   the callback's latency as the simulator sees it (p50, p99; target p99 ≤ 50 ms).</li>
 *   <li>Burst: {@code burst} citizens at once reach the business call of the 公积金提取进度 flow while the business
 *   system takes 8 s: every callback must be answered within 5 s ("success" at the reply budget) and each answer
 *   delivered exactly once through the customer-service API, counted at the simulator.</li>
 * </ol>
 */
public final class WechatBench {
    public record Result(int users, int faqCallbacks, double faqP50Ms, double faqP99Ms, double faqMaxMs, int faqLate,
                         int burst, int burstCallbacks, int answeredAfter5s, int retries, int delivered, int deliveredTwice, int missing,
                         double burstMaxCallbackMs) {}

    static final String APP = "wxbench000000000a";
    static final String TOKEN = "benchtoken";
    static final String AES = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFE";
    static final String APPLICATION = "TQ2025060001";
    static final int BUSINESS_DELAY_MS = 8000;

    private WechatBench() {}

    public static Result run(HotlineConfig base, Path work, int users, int seconds, int burst, PrintStream out) throws Exception {
        Path flows = Files.createDirectories(work.resolve("flows"));
        try (InputStream in = WechatBench.class.getResourceAsStream("/flows/hf-withdrawal-progress.yml")) {
            // the bundled flow gives up after 3 s; here the flow waits for the slow business system, as one that trusts it would
            Files.writeString(flows.resolve("hf-withdrawal-progress.yml"), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("timeout-ms: 3000", "timeout-ms: " + (BUSINESS_DELAY_MS + 4000)));
        }
        try (WechatSimulator wechat = new WechatSimulator(APP, "bench-secret", TOKEN, AES)) {
            HotlineConfig config = base.with("data.dir", work.resolve("data").toString()).with("server.port", "0").with("server.host", "127.0.0.1")
                    .with("kb.poll-seconds", "0").with("wechat.app-id", APP).with("wechat.secret", "bench-secret").with("wechat.token", TOKEN)
                    .with("wechat.aes-key", AES).with("wechat.api-base-url", wechat.apiBaseUrl()).with("sample-business.enabled", "true")
                    .with("sample-business.delay-ms", "0").with("flows.dir", flows.toString());
            out.println("starting the product (sample knowledge base, H2 under " + work + ") …");
            try (HotlineApp app = new HotlineApp(config).start(ProgressListener.NONE)) {
                wechat.callbackUrl("http://127.0.0.1:" + app.port() + "/wechat/callback");
                long ready = System.nanoTime() + 600_000_000_000L;
                while (app.engine().indexes().liveVersion() < 1) { // the sample knowledge base is indexed in the background
                    if (System.nanoTime() > ready) throw new IllegalStateException("the sample knowledge base was not indexed within 10 minutes");
                    Thread.sleep(200);
                }
                List<String> questions = SampleKnowledgeBase.load().stream().map(Entry::question).toList();
                out.println("warming up …");
                faq(wechat, questions, Math.min(users, 8), Math.max(15, seconds / 3), "warm"); // JIT, H2, Lucene caches
                out.printf("FAQ: %d citizens asking for %d s …%n", users, seconds);
                double[] lat = faq(wechat, questions, users, seconds, "faq");
                int faqLate = (int) Arrays.stream(lat).filter(ms -> ms >= 4000).count();
                double p50 = Stats.percentile(lat, 0.50), p99 = Stats.percentile(lat, 0.99), max = lat.length == 0 ? 0 : lat[lat.length - 1];
                out.printf("  %d callbacks: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", lat.length, p50, p99, max);

                out.printf("burst: %d citizens reach the business call while it takes %d s …%n", burst, BUSINESS_DELAY_MS / 1000);
                slowBusiness(app.sampleBusinessUrl().orElseThrow(), BUSINESS_DELAY_MS);
                Burst b = burst(wechat, burst);
                out.printf("  %d callbacks, %d answered after 5 s, %d WeChat retries, slowest %.0f ms; answers delivered: %d (twice: %d, missing: %d)%n",
                        b.callbacks, b.after5s, b.retries, b.maxMs, b.delivered, b.twice, b.missing);
                return new Result(users, lat.length, p50, p99, max, faqLate, burst, b.callbacks, b.after5s, b.retries, b.delivered, b.twice,
                        b.missing, b.maxMs);
            }
        }
    }

    /** Sorted latencies (ms) of every callback the citizens made. */
    private static double[] faq(WechatSimulator wechat, List<String> questions, int users, int seconds, String prefix) throws InterruptedException {
        ConcurrentLinkedQueue<Double> ms = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users);
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = user; System.nanoTime() < end; i += users) {
                        String openId = "o-" + prefix + "-" + user;
                        List<Attempt> a = wechat.deliver(wechat.textXml(openId, questions.get(i % questions.size())), Mode.SAFE);
                        for (Attempt x : a) ms.add(x.timedOut() ? 5000.0 : x.millis());
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double[] out = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(out);
        return out;
    }

    private record Burst(int callbacks, int after5s, int retries, double maxMs, int delivered, int twice, int missing) {}

    private static Burst burst(WechatSimulator wechat, int n) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add("o-burst-" + i);
        for (String id : ids) { // the flow asks for the application number, passively
            List<Attempt> first = wechat.deliver(wechat.textXml(id, "公积金提取进度"), Mode.SAFE);
            if (first.get(first.size() - 1).replyText() == null) throw new IllegalStateException("the flow's first question was not answered passively");
        }
        Thread.sleep(500);
        if (ids.stream().anyMatch(id -> answers(wechat, id) > 0)) throw new IllegalStateException("customer-service messages before the burst");
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicInteger retries = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        for (String id : ids) {
            Thread.ofVirtual().start(() -> {
                try {
                    List<Attempt> a = wechat.deliver(wechat.textXml(id, APPLICATION), Mode.SAFE);
                    attempts.addAll(a);
                    retries.addAndGet(a.size() - 1);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long deadline = System.currentTimeMillis() + BUSINESS_DELAY_MS + 10_000;
        while (System.currentTimeMillis() < deadline && ids.stream().anyMatch(id -> answers(wechat, id) == 0)) Thread.sleep(100);
        Thread.sleep(2000); // a second delivery, if there were one, would arrive by now
        int delivered = 0, twice = 0, missing = 0;
        for (String id : ids) {
            long k = answers(wechat, id);
            if (k == 0) missing++;
            else delivered++;
            if (k > 1) {
                twice++;
                System.err.println("twice to " + id + ": " + wechat.sent().stream().filter(s -> s.openId().equals(id)).toList());
            }
        }
        int late = (int) attempts.stream().filter(a -> a.timedOut() || a.millis() > 5000).count();
        double max = attempts.stream().mapToDouble(a -> a.timedOut() ? 5000 : a.millis()).max().orElse(0);
        return new Burst(attempts.size(), late, retries.get(), max, delivered, twice, missing);
    }

    /** Customer-service messages the simulator accepted for this citizen: the flow's answer, and nothing else. */
    private static long answers(WechatSimulator wechat, String openId) {
        return wechat.sent().stream().filter(s -> s.openId().equals(openId)).count();
    }

    private static void slowBusiness(String url, int delayMs) throws IOException, InterruptedException {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/_control"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"delayMs\":" + delayMs + ",\"fail\":false}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("the sample business service refused the delay: HTTP " + r.statusCode());
    }
}
