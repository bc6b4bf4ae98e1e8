package org.openhotline.desk.report;

/**
 * The service-level figures of one slice (a day, a group, a day × group, or the whole range). Counts are of handovers
 * to a person (desk chats, phone calls included) queued in the slice; the rates follow the procurement target
 * "100% 咨询受理率 = 95% 接起率 + 5% 回电率", so {@link #acceptanceRate()} = {@link #answerRate()} + {@link #callbackRate()}.
 *
 * @param offered          handovers queued (desk chats whose {@code queued_at} falls in the slice, by their first group)
 * @param answered         of those, accepted by an agent ({@code accepted_at} set)
 * @param answeredWithin   of those, accepted within the service-level threshold (wait ≤ N seconds)
 * @param averageWaitSeconds mean wait from queued to accepted over the answered ones; null when none was answered
 * @param p90WaitSeconds   90th percentile (nearest rank) of that wait; null when none was answered
 * @param abandoned        never accepted, ended because the citizen left while waiting ({@code citizen-left})
 * @param timedOut         never accepted, ended by the group's queue timeout ({@code queue-timeout})
 * @param missedCalls      missed and abandoned phone calls that became call-back tasks created in the slice, counted
 *                         in calls (a task merging three calls from one number counts 3)
 * @param reached          of those calls, the ones whose task is DONE with outcome REACHED (one call back settles
 *                         every call the task merged)
 * @param ratings          satisfaction ratings given for the slice's handovers
 * @param ratingAverage    their mean level (1 非常不满意 … 5 非常满意); null when none
 */
public record ServiceFigures(long offered, long answered, long answeredWithin, Double averageWaitSeconds, Double p90WaitSeconds,
                             long abandoned, long timedOut, long missedCalls, long reached, long ratings, Double ratingAverage) {

    /** 接起率 = answered / offered; null when nothing was offered. */
    public Double answerRate() {
        return share(answered);
    }

    /** 回电率 = reached / offered: the missed calls a call back made up for. */
    public Double callbackRate() {
        return share(reached);
    }

    /** 受理率 = (answered + reached) / offered = 接起率 + 回电率. */
    public Double acceptanceRate() {
        return share(answered + reached);
    }

    /** Service level = answered within N seconds / offered. */
    public Double serviceLevel() {
        return share(answeredWithin);
    }

    private Double share(long n) {
        return offered == 0 ? null : (double) n / offered;
    }
}
