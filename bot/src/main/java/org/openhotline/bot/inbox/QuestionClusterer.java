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
        int dim = embedder.dimension();
        float[] leaders = new float[Math.max(1, texts.size()) * dim];
        List<List<String>> members = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(i);
            int best = -1;
            double bestScore = threshold;
            for (int c = 0; c < members.size(); c++) {
                double s = dot(leaders, c * dim, v);
                if (s >= bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            if (best < 0) {
                System.arraycopy(v, 0, leaders, members.size() * dim, dim);
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

    private static double dot(float[] leaders, int offset, float[] v) {
        float s = 0;
        for (int i = 0; i < v.length; i++) s += leaders[offset + i] * v[i];
        return s;
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
