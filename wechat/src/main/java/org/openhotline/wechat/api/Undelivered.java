package org.openhotline.wechat.api;

import java.time.Instant;

/**
 * An answer that could not be pushed to a citizen, kept for agents to follow up (by phone, or when the citizen
 * writes again). {@code errorCode} is WeChat's (45015: outside the 48-hour window; 45047: per-user quota) or -99
 * for network faults that outlasted the retries.
 */
public record Undelivered(String openId, String text, int errorCode, String reason, Instant at) {}
