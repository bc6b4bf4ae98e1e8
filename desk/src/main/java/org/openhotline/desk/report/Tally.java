package org.openhotline.desk.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Adds up one slice's handovers, calls and ratings, then gives its {@link ServiceFigures}. Not thread-safe. */
final class Tally {
    private final int withinSeconds;
    private final List<Long> waits = new ArrayList<>();
    private long offered;
    private long answeredWithin;
    private long abandoned;
    private long timedOut;
    private long missedCalls;
    private long reached;
    private long ratings;
    private long ratingSum;

    Tally(int withinSeconds) {
        this.withinSeconds = withinSeconds;
    }

    /** A handover: {@code waitSeconds} null when no agent accepted it; {@code endReason} the desk's code. */
    void handover(Long waitSeconds, String endReason) {
        offered++;
        if (waitSeconds != null) {
            waits.add(waitSeconds);
            if (waitSeconds <= withinSeconds) answeredWithin++;
        } else if (ServiceLevels.CITIZEN_LEFT.equals(endReason)) {
            abandoned++;
        } else if (ServiceLevels.QUEUE_TIMEOUT.equals(endReason)) {
            timedOut++;
        }
    }

    /** A missed-call task standing for {@code calls} calls, reached or not. */
    void missed(long calls, boolean wasReached) {
        missedCalls += calls;
        if (wasReached) reached += calls;
    }

    void rating(int level) {
        ratings++;
        ratingSum += level;
    }

    ServiceFigures figures() {
        List<Long> sorted = new ArrayList<>(waits);
        Collections.sort(sorted);
        Double average = sorted.isEmpty() ? null : sorted.stream().mapToLong(Long::longValue).average().orElseThrow();
        Double p90 = sorted.isEmpty() ? null : (double) sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1); // nearest rank
        return new ServiceFigures(offered, sorted.size(), answeredWithin, average, p90, abandoned, timedOut, missedCalls, reached,
                ratings, ratings == 0 ? null : (double) ratingSum / ratings);
    }
}
