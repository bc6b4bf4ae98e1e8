package org.openhotline.telephony.recording;

import java.time.Instant;

/**
 * A finished (or recovered) call recording as the index stores it. {@code file} is relative to the recordings folder
 * ({@code 2026-12-06/<call>.wav}, always with '/'), so the folder can move without rewriting the index.
 * {@code callbackTaskId}: the call-back task a click-to-dial call was made for (its metadata's "callbackTaskId"), else null.
 */
public record RecordingInfo(String callId, String chatId, String caller, String agentId, String skillGroup,
                            Instant startedAt, long durationMs, String file, String endReason, String callbackTaskId) {
    /** A recording of a call that was no call back. */
    public RecordingInfo(String callId, String chatId, String caller, String agentId, String skillGroup, Instant startedAt, long durationMs,
                         String file, String endReason) {
        this(callId, chatId, caller, agentId, skillGroup, startedAt, durationMs, file, endReason, null);
    }
}
