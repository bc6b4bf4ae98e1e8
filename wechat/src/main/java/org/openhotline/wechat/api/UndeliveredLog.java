package org.openhotline.wechat.api;

import java.util.List;

/**
 * Where undelivered messages are kept for agents: in memory on one node, in the database ({@code wechat_undelivered})
 * when the server runs, so every node's failures are visible over {@code GET /api/admin/wechat/undelivered}.
 */
public interface UndeliveredLog {
    void record(Undelivered u);

    /** The most recent first, at most {@code max}. */
    List<Undelivered> recent(int max);
}
