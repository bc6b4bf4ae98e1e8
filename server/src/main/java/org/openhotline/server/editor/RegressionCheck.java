package org.openhotline.server.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openhotline.kb.index.IndexAnalysis;
import org.openhotline.kb.index.IndexBuilder;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.workflow.PublishGate;
import org.openhotline.kb.workflow.TestQuestion;
import org.openhotline.server.app.HotlineEngine;

/**
 * The publish gate: replays the saved test questions against the version answering now and against a
 * throwaway index of the candidate (built in a temporary folder with the live dictionaries, reusing the live
 * vectors of unchanged texts), and calls it a regression when fewer questions get a right top entry.
 */
public final class RegressionCheck implements PublishGate {
    private final HotlineEngine engine;
    private final Supplier<List<TestQuestion>> questions;
    private final Path scratch;
    private final Clock clock;

    public RegressionCheck(HotlineEngine engine, Supplier<List<TestQuestion>> questions, Path scratch, Clock clock) {
        this.engine = engine;
        this.questions = questions;
        this.scratch = scratch;
        this.clock = clock;
    }

    /** One question whose top entry differs between the two versions. */
    public record Moved(String qid, String query, List<String> expected, String before, String after, boolean rightBefore, boolean rightAfter) {}

    /** The gate's report, returned to the publish page as JSON. */
    public record Report(int questions, int faqQuestions, double hit1Before, double hit1After, int rightBefore, int rightAfter,
                         boolean regression, List<Moved> changed, long millis) {}

    @Override
    public Verdict check(List<Entry> current, List<Entry> candidate) {
        long t0 = System.nanoTime();
        List<TestQuestion> qs = questions.get();
        List<TestQuestion> faq = qs.stream().filter(TestQuestion::isFaq).toList();
        if (faq.isEmpty()) return Verdict.pass(new Report(qs.size(), 0, 0, 0, 0, 0, false, List.of(), 0));
        KnowledgeIndex live = engine.indexes().acquire();
        if (live == null) return Verdict.pass(new Report(qs.size(), faq.size(), 0, 0, 0, 0, false, List.of(), 0));
        Map<String, String> before;
        Map<String, String> after;
        try {
            before = tops(live, faq);
            after = candidateTops(live, candidate, faq);
        } finally {
            live.release();
        }
        int rightBefore = 0, rightAfter = 0;
        List<Moved> moved = new ArrayList<>();
        for (TestQuestion q : faq) {
            String b = before.get(q.qid()), a = after.get(q.qid());
            boolean rb = b != null && q.expectedIds().contains(b), ra = a != null && q.expectedIds().contains(a);
            if (rb) rightBefore++;
            if (ra) rightAfter++;
            if (!java.util.Objects.equals(a, b)) moved.add(new Moved(q.qid(), q.query(), q.expectedIds(), b, a, rb, ra));
        }
        boolean regression = rightAfter < rightBefore;
        Report r = new Report(qs.size(), faq.size(), round((double) rightBefore / faq.size()), round((double) rightAfter / faq.size()),
                rightBefore, rightAfter, regression, moved, (System.nanoTime() - t0) / 1_000_000);
        String summary = "hit@1 on " + faq.size() + " test questions " + r.hit1Before() + " → " + r.hit1After() + " (" + moved.size() + " changed top entry)";
        return new Verdict(regression, summary, r);
    }

    private Map<String, String> candidateTops(KnowledgeIndex live, List<Entry> candidate, List<TestQuestion> faq) {
        IndexAnalysis analysis = live.analysis() != null ? live.analysis() : engine.analysis();
        IndexBuilder builder = new IndexBuilder(analysis, engine.embedder());
        Path dir = null;
        try {
            Files.createDirectories(scratch);
            dir = Files.createTempDirectory(scratch, "candidate-");
            // the live index updated with the candidate's changes: a few hundred changes cost those, not the whole base
            if (builder.isReady(live.dir())) builder.update(dir, live, candidate, live.storedVectors(), ProgressListener.NONE);
            else builder.build(dir, candidate, live.storedVectors(), ProgressListener.NONE);
            KnowledgeIndex idx = KnowledgeIndex.open(0, dir, candidate, null, analysis);
            try {
                return tops(idx, faq);
            } finally {
                idx.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("building the candidate index failed", e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private Map<String, String> tops(KnowledgeIndex idx, List<TestQuestion> faq) {
        var retriever = engine.retriever(engine.retrievalSettings());
        LocalDate today = LocalDate.now(clock);
        Map<String, String> out = new LinkedHashMap<>();
        for (TestQuestion q : faq) {
            String normalized = engine.normalizer().normalize(q.query()).normalized();
            List<Candidate> c = retriever.search(idx, normalized, RetrievalMode.HYBRID, today, 1);
            out.put(q.qid(), c.isEmpty() ? null : c.get(0).entry().id());
        }
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(RegressionCheck.class).warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
