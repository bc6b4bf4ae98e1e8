package org.openhotline.telephony.bridge;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Why a {@link CallBack}'s dial failed, in words fit for people and logs (the dialer's messages hold the number). */
final class DialFailure {
    private DialFailure() {}

    /**
     * The route, not the citizen: no such host or a malformed URI, no response at all, the trunk asking for credentials
     * (401/407) or failing (5xx). FAILED is not a call-back attempt; busy, refused, 404 and no answer are the citizen's.
     */
    static boolean ofRoute(String reason) {
        return reason.equals("failed") || reason.equals("unreachable") || reason.startsWith("401") || reason.startsWith("407")
                || reason.startsWith("5");
    }

    /** What a failed dial says, without the number: the SIP status, no_answer, or unreachable. */
    static String reason(Throwable err) {
        Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (e instanceof CancellationException) return "cancelled";
        String m = String.valueOf(e.getMessage());
        // the dialer's ring timer ends an unanswered call as TimeoutException "cancelled" or "no answer from …"; our
        // own giving up is a CancellationException above
        if (e instanceof TimeoutException) return m.startsWith("no response") ? "unreachable" : "no_answer";
        if (m.startsWith("call refused: ")) return m.substring("call refused: ".length());
        return "failed";
    }
}
