package org.openhotline.telephony.bridge;

/**
 * Port: where the bridge reports a caller nobody talked to ("漏接回拨"): every transfer nobody answered and every caller
 * who hung up while waiting. The server makes each one a call-back task for the agents (telephony may not know the
 * desk); {@link RecentMissedCalls} keeps them in memory for tests and tools.
 */
public interface MissedCalls {
    /** Called on the call's thread: store and return, never throw at the caller's call. */
    void add(MissedCall c);
}
