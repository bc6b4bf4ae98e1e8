package org.openhotline.server.editor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.server.app.HotlineEngine;

/**
 * Before an editor saves a similar question: which other entries it already retrieves on the live index, with
 * their scores. A collision is another entry ranked first with at least the clarify threshold: citizens asking
 * this would be answered (or offered) that entry.
 */
public final class CollisionCheck {
    static final int TOP = 5;
    private final HotlineEngine engine;
    private final Clock clock;

    public CollisionCheck(HotlineEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public record Hit(String entryId, String question, String matched, double score) {}

    /** {@code ownRank}: 1-based rank of {@code entryId} among the top candidates, 0 when absent. */
    public record Result(String question, boolean collision, int ownRank, List<Hit> others) {}

    public Result check(String entryId, String question) {
        KnowledgeIndex idx = engine.indexes().acquire();
        if (idx == null) throw new IllegalStateException("no knowledge-base version is live yet");
        List<Candidate> cs;
        try {
            String normalized = engine.normalizer().normalize(question).normalized();
            cs = engine.retriever(engine.retrievalSettings()).search(idx, normalized, RetrievalMode.HYBRID, LocalDate.now(clock), TOP);
        } finally {
            idx.release();
        }
        double clarify = engine.tiers().clarifyThreshold();
        int own = 0;
        List<Hit> others = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            Candidate c = cs.get(i);
            if (c.entry().id().equals(entryId)) own = i + 1;
            else others.add(new Hit(c.entry().id(), c.entry().question(), c.matched(), Math.round(c.score() * 10000) / 10000.0));
        }
        boolean collision = !cs.isEmpty() && !cs.get(0).entry().id().equals(entryId) && cs.get(0).score() >= clarify;
        return new Result(question, collision, own, others);
    }
}
