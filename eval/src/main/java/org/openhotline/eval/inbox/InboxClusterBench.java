package org.openhotline.eval.inbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.openhotline.bot.inbox.QuestionCluster;
import org.openhotline.bot.inbox.QuestionClusterer;
import org.openhotline.bot.inbox.UnansweredQuestion;
import org.openhotline.nlu.embed.BgeSmallZhEmbedder;
import org.openhotline.nlu.embed.CachingEmbedder;

/**
 * Times the inbox's clustering of N citizen-style questions (LCQMC's question pairs, public): cold (every text
 * embedded by bge-small-zh) and warm (embeddings cached, as a second inbox view on a node sees them).
 */
public final class InboxClusterBench {
    public record Result(int questions, int clusters, long coldMillis, long warmMillis, double threshold) {}

    /** Distinct questions from LCQMC's tab-separated pairs, the first {@code n}. */
    public static List<String> lcqmcQuestions(Path file, int n) throws IOException {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t");
            for (int i = 0; i < Math.min(2, cols.length) && out.size() < n; i++) if (!cols[i].isBlank()) out.add(cols[i].strip());
            if (out.size() >= n) break;
        }
        return new ArrayList<>(out);
    }

    public static Result run(List<String> texts, double threshold, PrintStream out) {
        Instant now = Instant.now();
        List<UnansweredQuestion> qs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) qs.add(new UnansweredQuestion(i, texts.get(i), "fallback", "s" + i, now.minusSeconds(i), null));
        CachingEmbedder embedder = new CachingEmbedder(new BgeSmallZhEmbedder(), texts.size() + 16);
        embedder.embed("预热"); // the model's first call loads it; not part of clustering
        QuestionClusterer clusterer = new QuestionClusterer(embedder, threshold);
        long t0 = System.nanoTime();
        List<QuestionCluster> clusters = clusterer.cluster(qs, now);
        long cold = (System.nanoTime() - t0) / 1_000_000;
        out.printf("cold: %d questions -> %d clusters in %d ms%n", texts.size(), clusters.size(), cold);
        t0 = System.nanoTime();
        List<QuestionCluster> again = clusterer.cluster(qs, now);
        long warm = (System.nanoTime() - t0) / 1_000_000;
        out.printf("warm: %d clusters in %d ms (same clusters: %s)%n", again.size(), warm, again.equals(clusters));
        return new Result(texts.size(), clusters.size(), cold, warm, threshold);
    }
}
