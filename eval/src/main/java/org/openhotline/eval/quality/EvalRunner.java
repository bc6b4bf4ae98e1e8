package org.openhotline.eval.quality;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.Turn;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.server.app.HotlineEngine;
import org.openhotline.server.config.HotlineConfig;

/**
 * Runs labelled questions through the product's own conversation engine on a throwaway index, once per
 * retrieval mode, each question as a new session. The data folder of the running product is never touched.
 */
public final class EvalRunner implements AutoCloseable {
    private final HotlineEngine engine;
    private final TempFolder tmp;

    public EvalRunner(HotlineConfig config, List<Entry> kb, ProgressListener progress) throws IOException {
        this.tmp = new TempFolder("hotline-eval");
        this.engine = new HotlineEngine(config, tmp.path().resolve("index"), Clock.systemDefaultZone());
        engine.indexes().load(1, kb, progress);
    }

    public HotlineEngine engine() {
        return engine;
    }

    /** Outcomes per mode; HYBRID runs first, on a cold embedding cache, so its latency includes embedding. */
    public Map<RetrievalMode, List<Outcome>> run(List<EvalQuery> queries, List<RetrievalMode> modes) {
        warmUp();
        Map<RetrievalMode, List<Outcome>> out = new EnumMap<>(RetrievalMode.class);
        List<RetrievalMode> order = new ArrayList<>(modes);
        order.sort(Comparator.comparing(m -> m == RetrievalMode.HYBRID ? 0 : 1));
        for (RetrievalMode mode : order) out.put(mode, run(queries, mode));
        return out;
    }

    public List<Outcome> run(List<EvalQuery> queries, RetrievalMode mode) {
        Conversation conversation = engine.conversation(mode, engine.tiers());
        List<Outcome> outcomes = new ArrayList<>(queries.size());
        for (EvalQuery q : queries) {
            long t0 = System.nanoTime();
            Turn turn = conversation.respond("eval-" + mode + "-" + q.qid(), q.query());
            double ms = (System.nanoTime() - t0) / 1e6;
            List<Candidate> ranked = turn.ranked();
            List<String> ids = ranked.stream().limit(10).map(c -> c.entry().id()).toList();
            double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
            double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
            outcomes.add(new Outcome(q, turn.reply().type().wireName(), turn.reply().entryId(), ids, top, second, ms));
        }
        return outcomes;
    }

    /** JIT and ONNX warm-up on texts that are not queries, so the first measured query is not an outlier. */
    private void warmUp() {
        Conversation c = engine.conversation();
        String[] texts = {"热身问题一", "预热检索", "系统启动检查", "测试句子", "检索预热二"};
        for (int round = 0; round < 4; round++) for (String t : texts) c.handle("warmup", t + round);
    }

    @Override
    public void close() throws IOException {
        engine.close();
        tmp.close();
    }
}
