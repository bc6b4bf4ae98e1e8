package org.openhotline.telephony.recording;

import java.time.Instant;

/**
 * A finished (or recovered) call recording as the index stores it. {@code file} is relative to the recordings folder
 * ({@code 2026-12-06/<call>.wav}, always with '/'), so the folder can move without rewriting the index.
 */
public record RecordingInfo(String callId, String chatId, String caller, String agentId, String skillGroup,
                            Instant startedAt, long durationMs, String file, String endReason) {}
