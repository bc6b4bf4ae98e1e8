package org.openhotline.telephony.bridge;

import java.time.Instant;

/** A caller nobody talked to: the callback list's row. {@code reason}: no_agent, abandoned (hung up waiting), unanswered. */
public record MissedCall(String callId, String caller, String skillGroup, Instant at, String reason) {}
