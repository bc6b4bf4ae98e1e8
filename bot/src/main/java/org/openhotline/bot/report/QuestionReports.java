package org.openhotline.bot.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openhotline.bot.inbox.QuestionCluster;
import org.openhotline.bot.inbox.QuestionClusterer;
import org.openhotline.bot.inbox.UnansweredCollector;
import org.openhotline.bot.inbox.UnansweredQuestion;
import org.openhotline.bot.report.AskedQuestions.Asked;

/**
 * Computes {@link QuestionReport}s from the message log and the answers' feedback each time they are asked for (like
 * the inbox, nothing is stored, so the same log gives the same report). Failures are the inbox's own
 * ({@link UnansweredCollector}) and meaning clusters its {@link QuestionClusterer}, so the report and the inbox agree.
 */
public final class QuestionReports {
    private static final int EXAMPLES = 3;
    private final AskedQuestions asked;
    private final UnansweredCollector failures;
    private final QuestionClusterer clusterer;
    private final int maxClustered;

    /** {@code maxClustered}: the most recent questions clustered by meaning (embedding is the cost: ~10,000 in 30 s). */
    public QuestionReports(DataSource ds, UnansweredCollector failures, QuestionClusterer clusterer, int maxMessages, int maxClustered) {
        this.asked = new AskedQuestions(ds, maxMessages);
        this.failures = failures;
        this.clusterer = clusterer;
        this.maxClustered = maxClustered;
    }

    /** The report of {@code from} (inclusive) to {@code to} (exclusive), {@code top} rows per list. */
    public QuestionReport report(Instant from, Instant to, int top) {
        List<Asked> questions = asked.between(from, to);
        Duration length = Duration.between(from, to);
        List<Asked> before = asked.between(from.minus(length), from);
        int answered = 0, clarified = 0, fallbacks = 0;
        for (Asked a : questions) {
            if (a.answered()) answered++;
            else if (a.act().equals("clarify")) clarified++;
            else fallbacks++;
        }
        List<QuestionReport.EntryCount> hotEntries = hotEntries(questions, before, top);
        List<UnansweredQuestion> readable = questions.stream().filter(Asked::readable).map(Asked::forClustering).toList();
        if (readable.size() > maxClustered) readable = readable.subList(readable.size() - maxClustered, readable.size());
        List<QuestionCluster> hotClusters = first(clusterer.cluster(readable, to), top);
        List<UnansweredQuestion> failed = failures.between(from, to);
        return new QuestionReport(from, to, questions.size(), answered, clarified, fallbacks, readable.size(), hotEntries, hotClusters,
                hardEntries(failed, top), first(clusterer.cluster(failed, to), top));
    }

    static List<QuestionReport.EntryCount> hotEntries(List<Asked> questions, List<Asked> before, int top) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, LinkedHashSet<String>> sessions = new HashMap<>();
        for (Asked a : questions) {
            if (!a.answered() || a.entryId() == null) continue;
            counts.merge(a.entryId(), 1, Integer::sum);
            sessions.computeIfAbsent(a.entryId(), k -> new LinkedHashSet<>()).add(a.session());
        }
        Map<String, Integer> previous = new HashMap<>();
        for (Asked a : before) if (a.answered() && a.entryId() != null) previous.merge(a.entryId(), 1, Integer::sum);
        return counts.entrySet().stream()
                .map(e -> new QuestionReport.EntryCount(e.getKey(), e.getValue(), sessions.get(e.getKey()).size(), previous.getOrDefault(e.getKey(), 0)))
                .sorted(Comparator.comparingInt(QuestionReport.EntryCount::count).reversed().thenComparing(QuestionReport.EntryCount::entryId))
                .limit(top).toList();
    }

    static List<QuestionReport.HardEntry> hardEntries(List<UnansweredQuestion> failed, int top) {
        Map<String, Map<String, Integer>> reasons = new HashMap<>();
        Map<String, LinkedHashSet<String>> examples = new HashMap<>();
        for (UnansweredQuestion q : failed) {
            if (q.entryId() == null) continue;
            reasons.computeIfAbsent(q.entryId(), k -> new LinkedHashMap<>()).merge(q.reason(), 1, Integer::sum);
            LinkedHashSet<String> ex = examples.computeIfAbsent(q.entryId(), k -> new LinkedHashSet<>());
            if (ex.size() < EXAMPLES) ex.add(q.text());
        }
        List<QuestionReport.HardEntry> out = new ArrayList<>();
        reasons.forEach((id, r) -> out.add(new QuestionReport.HardEntry(id, r.values().stream().mapToInt(Integer::intValue).sum(), r,
                List.copyOf(examples.get(id)))));
        out.sort(Comparator.comparingInt(QuestionReport.HardEntry::total).reversed().thenComparing(QuestionReport.HardEntry::entryId));
        return out.size() <= top ? out : out.subList(0, top);
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.size() <= n ? list : List.copyOf(list.subList(0, n));
    }
}
