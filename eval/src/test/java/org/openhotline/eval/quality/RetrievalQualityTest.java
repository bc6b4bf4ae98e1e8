package org.openhotline.eval.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.eval.datasets.Faq300;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.io.EntryFiles;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.server.app.SampleKnowledgeBase;
import org.openhotline.server.config.HotlineConfig;

/**
 * Floors under answer quality, measured the way the eval measures it. They sit a little below today's
 * figures (README) so that a change which makes answers worse fails the build.
 */
class RetrievalQualityTest {
    /** The questions the shipped fusion weights were trained on; everything else is held out. */
    static final Pattern TRAINED = Pattern.compile(".*-a$|oos-0[0-3].*");

    @TempDir
    Path tmp;

    @Test
    void sampleKnowledgeBaseOnHeldOutQuestions() throws Exception {
        List<EvalQuery> queries = QueryFile.read(Path.of("data/sample-queries.jsonl")).stream()
                .filter(q -> !TRAINED.matcher(q.qid()).matches()).toList();
        Map<RetrievalMode, List<Outcome>> r;
        try (EvalRunner runner = new EvalRunner(HotlineConfig.defaultsOnly(), SampleKnowledgeBase.load(), ProgressListener.NONE)) {
            r = runner.run(queries, List.of(RetrievalMode.BM25, RetrievalMode.VECTOR, RetrievalMode.HYBRID));
        }
        Metrics hybrid = Metrics.of(r.get(RetrievalMode.HYBRID));
        Metrics vector = Metrics.of(r.get(RetrievalMode.VECTOR));
        Metrics bm25 = Metrics.of(r.get(RetrievalMode.BM25));
        String figures = "hybrid " + hybrid + "\nvector " + vector + "\nbm25 " + bm25;
        assertTrue(hybrid.hit1() >= 0.78, figures);
        assertTrue(hybrid.recall3() >= 0.94, figures);
        assertTrue(hybrid.answerPrecision() >= 0.90, figures);
        assertTrue(hybrid.oosReject() >= 0.95, figures);
        assertTrue(hybrid.transferDetect() >= 0.90, figures);
        assertTrue(hybrid.hit1() > vector.hit1() && hybrid.hit1() > bm25.hit1(), figures);
    }

    @Test
    void govFaq300HybridBeatsBothSingleModes() throws Exception {
        // tests run in eval/: the project root is .., and shared/ sits beside it
        Path csv = Path.of("..").resolve(Faq300.DEFAULT_SRC);
        Path kb = tmp.resolve("kb.jsonl"), qs = tmp.resolve("q.jsonl");
        Faq300.convert(csv, kb, qs);
        Map<RetrievalMode, List<Outcome>> r;
        try (EvalRunner runner = new EvalRunner(HotlineConfig.defaultsOnly(), EntryFiles.read(kb).entries(), ProgressListener.NONE)) {
            r = runner.run(QueryFile.read(qs), List.of(RetrievalMode.BM25, RetrievalMode.VECTOR, RetrievalMode.HYBRID));
        }
        Metrics hybrid = Metrics.of(r.get(RetrievalMode.HYBRID));
        Metrics vector = Metrics.of(r.get(RetrievalMode.VECTOR));
        Metrics bm25 = Metrics.of(r.get(RetrievalMode.BM25));
        String figures = "hybrid " + hybrid + "\nvector " + vector + "\nbm25 " + bm25;
        assertTrue(hybrid.hit1() >= 0.88, figures);
        assertTrue(hybrid.hit1() > vector.hit1() && hybrid.hit1() > bm25.hit1(), figures);
        assertTrue(hybrid.recall3() >= 0.95, figures);
    }


    @Test
    void speechRepairRecoversSpokenQuestionsWithHomophoneErrors() throws Exception {
        List<EvalQuery> spoken = QueryFile.read(Path.of("data/spoken-queries.jsonl"));
        double with, without;
        HotlineConfig on = HotlineConfig.defaultsOnly().with("bot.speech-repair", "true");
        try (EvalRunner runner = new EvalRunner(on, SampleKnowledgeBase.load(), ProgressListener.NONE)) {
            with = Metrics.of(runner.run(spoken, RetrievalMode.HYBRID)).hit1();
        }
        try (EvalRunner runner = new EvalRunner(on.with("bot.speech-repair", "false"), SampleKnowledgeBase.load(), ProgressListener.NONE)) {
            without = Metrics.of(runner.run(spoken, RetrievalMode.HYBRID)).hit1();
        }
        String figures = "hit@1 with repair " + with + ", without " + without;
        assertTrue(with >= 0.96, figures);
        assertTrue(with > without, figures);
    }
}
