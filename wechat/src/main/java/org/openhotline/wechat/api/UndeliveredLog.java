package org.openhotline.wechat.api;

import java.util.List;

/** Where undelivered answers are kept; the agent desk (issue 7) reads them. */
public interface UndeliveredLog {
    void record(Undelivered u);

    /** The most recent first, at most {@code max}. */
    List<Undelivered> recent(int max);
}
