package org.openhotline.wechat.api;

import java.time.Instant;

/**
 * A message that could not be pushed to a citizen, kept for agents to follow up (by phone, or when the citizen
 * writes again). {@code errorCode} is WeChat's (45015: outside the 48-hour window; 45047: per-user quota) or -99
 * for network faults. {@code uncertain}: the request left this server but no answer came back (a read timeout),
 * so WeChat may or may not have delivered it; it is not retried, lest the citizen get it twice.
 */
public record Undelivered(String openId, String text, int errorCode, String reason, boolean uncertain, Instant at) {
    public String status() {
        return uncertain ? "uncertain" : "undelivered";
    }
}
