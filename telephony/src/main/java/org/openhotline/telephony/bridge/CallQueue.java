package org.openhotline.telephony.bridge;

import java.util.Optional;

/**
 * Port: where a transferred call waits for a person. The server implements it with the agent desk (queue, routing,
 * the agent console); it drives the waiting call through {@link WaitingCall}'s methods (announce, ring an agent,
 * transfer, consult, end) until the call is over. Telephony knows nothing of the desk.
 */
public interface CallQueue {
    /**
     * Takes the call into the queue and returns at once; false when it cannot (the IVR goes on as if nobody could
     * take the call). The queue must end the wait one way or another: an agent talks, {@link WaitingCall#noAgent()},
     * or the caller hangs up.
     */
    boolean enqueue(WaitingCall call);

    /** The group leader's phone for the agent's {@code *3} key; empty = the key does nothing. */
    default Optional<String> leaderUri(String skillGroup) {
        return Optional.empty();
    }
}
