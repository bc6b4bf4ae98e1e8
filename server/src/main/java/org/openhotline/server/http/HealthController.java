package org.openhotline.server.http;

import io.javalin.http.Context;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.KnowledgeIndex;

/** {@code GET /health}: 200 once a knowledge-base version is searchable, 503 while starting, for load balancers. */
final class HealthController {
    private final IndexManager indexes;

    HealthController(IndexManager indexes) {
        this.indexes = indexes;
    }

    void health(Context ctx) {
        KnowledgeIndex idx = indexes.acquire();
        if (idx == null) {
            ctx.status(503).json(HttpServer.map("status", "STARTING", "kbVersion", 0, "entries", 0));
            return;
        }
        try {
            ctx.json(HttpServer.map("status", "UP", "kbVersion", idx.version(), "entries", idx.entries().size()));
        } finally {
            idx.release();
        }
    }
}
