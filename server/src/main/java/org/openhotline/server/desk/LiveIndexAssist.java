package org.openhotline.server.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openhotline.desk.assist.KnowledgeAssist;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.server.app.HotlineEngine;

/**
 * The desk's knowledge-base assist over the live index the bot answers from, read the same way (normalised, hybrid
 * ranking, today's valid answers): the agent is offered the curated answers (口径) the bot would have given.
 */
public final class LiveIndexAssist implements KnowledgeAssist {
    static final int MAX = 10;
    private final HotlineEngine engine;
    private final Clock clock;

    public LiveIndexAssist(HotlineEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public List<Suggestion> suggest(String citizenText, int limit) {
        if (citizenText == null || citizenText.isBlank()) return List.of();
        KnowledgeIndex idx = engine.indexes().acquire();
        if (idx == null) return List.of(); // no version live yet: nothing to suggest
        try {
            String normalized = engine.normalizer().normalize(citizenText).normalized();
            return engine.retriever(engine.retrievalSettings())
                    .search(idx, normalized, RetrievalMode.HYBRID, LocalDate.now(clock), Math.min(Math.max(limit, 1), MAX)).stream()
                    .map(c -> new Suggestion(c.entry().id(), c.entry().question(), c.entry().answer(), Math.round(c.score() * 1000) / 1000.0))
                    .toList();
        } finally {
            idx.release();
        }
    }
}
