package org.openhotline.bot.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openhotline.nlu.embed.SentenceEmbedder;

/**
 * Groups unanswered questions by meaning, deterministically: distinct texts, most asked first (ties by text),
 * each joins the most similar existing leader at or above {@code threshold} cosine, else leads a new cluster.
 * No random start, so the same questions always give the same clusters and ids.
 */
public final class QuestionClusterer {
    private final SentenceEmbedder embedder;
    private final double threshold;
    private static final int PARALLEL_FROM = 4096;
    private static final int CHUNK = 1024;

    public QuestionClusterer(SentenceEmbedder embedder, double threshold) {
        this.embedder = embedder;
        this.threshold = threshold;
    }

    /** Biggest clusters first; {@code now} anchors the weekly trend counts. */
    public List<QuestionCluster> cluster(List<UnansweredQuestion> questions, Instant now) {
        Map<String, List<UnansweredQuestion>> byText = new LinkedHashMap<>();
        for (UnansweredQuestion q : questions) byText.computeIfAbsent(q.text(), k -> new ArrayList<>()).add(q);
        List<String> texts = new ArrayList<>(byText.keySet());
        texts.sort(Comparator.comparingInt((String t) -> -byText.get(t).size()).thenComparing(Comparator.naturalOrder()));
        List<float[]> vectors = embedder.embedAll(texts);
        List<float[]> leaders = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(i);
            int best = bestLeader(leaders, v);
            if (best < 0) {
                leaders.add(v);
                members.add(new ArrayList<>(List.of(texts.get(i))));
            } else {
                members.get(best).add(texts.get(i));
            }
        }
        List<QuestionCluster> out = new ArrayList<>(members.size());
        for (List<String> m : members) out.add(summary(m, byText, now));
        out.sort(Comparator.comparingInt((QuestionCluster c) -> -c.count()).thenComparing(QuestionCluster::label));
        return out;
    }

    /**
     * The leader most similar to {@code v} at or above the threshold (ties: the older leader), or -1. Many leaders
     * are scanned in parallel chunks; the result is the same as a sequential scan.
     */
    private int bestLeader(List<float[]> leaders, float[] v) {
        int n = leaders.size();
        if (n < PARALLEL_FROM) return scan(leaders, v, 0, n)[0];
        int chunks = Math.min(n / CHUNK + 1, 64);
        int size = (n + chunks - 1) / chunks;
        return java.util.stream.IntStream.range(0, chunks).parallel()
                .mapToObj(c -> scan(leaders, v, c * size, Math.min(n, (c + 1) * size)))
                .reduce(new int[] {-1, Integer.MIN_VALUE}, (a, b) -> b[0] >= 0 && (a[0] < 0 || b[1] > a[1] || (b[1] == a[1] && b[0] < a[0])) ? b : a)[0];
    }

    /** {index, score as float bits ordered} of the best leader in [from, to), or {-1, …}. */
    private int[] scan(List<float[]> leaders, float[] v, int from, int to) {
        int best = -1;
        float bestScore = (float) threshold;
        for (int c = from; c < to; c++) {
            float s = org.apache.lucene.util.VectorUtil.dotProduct(leaders.get(c), v);
            if (s > bestScore || (best < 0 && s >= bestScore)) {
                bestScore = s;
                best = c;
            }
        }
        return new int[] {best, best < 0 ? Integer.MIN_VALUE : Float.floatToIntBits(bestScore)};
    }

    private static QuestionCluster summary(List<String> texts, Map<String, List<UnansweredQuestion>> byText, Instant now) {
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> entries = new TreeMap<>();
        Instant first = null, last = null;
        int count = 0, lastWeek = 0, weekBefore = 0;
        Instant weekAgo = now.minus(Duration.ofDays(7)), twoWeeksAgo = now.minus(Duration.ofDays(14));
        for (String t : texts) {
            for (UnansweredQuestion q : byText.get(t)) {
                count++;
                reasons.merge(q.reason(), 1, Integer::sum);
                if (q.entryId() != null) entries.merge(q.entryId(), 1, Integer::sum);
                if (first == null || q.at().isBefore(first)) first = q.at();
                if (last == null || q.at().isAfter(last)) last = q.at();
                if (!q.at().isBefore(weekAgo)) lastWeek++;
                else if (!q.at().isBefore(twoWeeksAgo)) weekBefore++;
            }
        }
        return new QuestionCluster(idOf(texts.get(0)), texts.get(0), count, List.copyOf(texts), reasons, entries, first, last, lastWeek, weekBefore);
    }

    /** A short stable id for a cluster led by {@code text}. */
    public static String idOf(String text) {
        return hash(text).substring(0, 12);
    }

    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
