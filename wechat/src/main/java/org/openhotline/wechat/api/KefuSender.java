package org.openhotline.wechat.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes late answers through the customer-service API, each on its own virtual thread so no callback thread ever
 * waits on WeChat. Network faults and "system busy" are retried with doubling back-off; 45015 (the citizen has not
 * written for 48 hours) and 45047 (the per-citizen quota) are not retried but recorded as undelivered for agents,
 * and after a 45047 nothing more is pushed to that citizen until they write again. 45009 (the account's daily API
 * quota) pauses all sends for a while.
 */
public final class KefuSender {
    private static final Logger log = LoggerFactory.getLogger(KefuSender.class);
    static final int OUTSIDE_WINDOW = 45015;
    static final int USER_QUOTA = 45047;
    static final int API_QUOTA = 45009;
    private static final int NETWORK = -99;
    private static final int BUSY = -1;

    private final WechatApi api;
    private final UndeliveredLog undelivered;
    private final int attempts;
    private final Duration backoff;
    private final Clock clock;
    private final Set<String> suspended = ConcurrentHashMap.newKeySet();
    private final AtomicLong pausedUntil = new AtomicLong();
    private final Duration quotaPause = Duration.ofMinutes(10);

    public KefuSender(WechatApi api, UndeliveredLog undelivered, int attempts, Duration backoff, Clock clock) {
        this.api = api;
        this.undelivered = undelivered;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Starts the delivery and returns at once. */
    public CompletableFuture<Delivery> send(String openId, String text) {
        CompletableFuture<Delivery> done = new CompletableFuture<>();
        Thread.ofVirtual().name("wechat-kefu").start(() -> {
            try {
                done.complete(deliver(openId, text));
            } catch (Throwable e) {
                log.error("customer-service send failed unexpectedly", e);
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** A message from the citizen reopens their window and quota: pushes to them may resume. */
    public void citizenWrote(String openId) {
        suspended.remove(openId);
    }

    private Delivery deliver(String openId, String text) {
        if (suspended.contains(openId)) return giveUp(openId, text, USER_QUOTA, "quota reached earlier; waiting for the citizen to write", 0);
        if (clock.millis() < pausedUntil.get()) return giveUp(openId, text, API_QUOTA, "account API quota reached; paused", 0);
        long sleep = backoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            int code;
            String why;
            try {
                api.sendText(openId, text);
                return new Delivery(true, attempt, 0);
            } catch (WxErrorException e) {
                code = e.getError() == null ? NETWORK : e.getError().getErrorCode();
                why = e.getError() == null ? "error" : e.getError().getErrorMsg();
            } catch (WxRuntimeException e) {
                code = e.getMessage() != null && e.getMessage().contains("重试") ? BUSY : NETWORK;
                why = e.getClass().getSimpleName();
            }
            switch (code) {
                case OUTSIDE_WINDOW -> {
                    return giveUp(openId, text, code, "outside the 48-hour customer-service window", attempt);
                }
                case USER_QUOTA -> {
                    suspended.add(openId);
                    return giveUp(openId, text, code, "customer-service quota for this citizen reached", attempt);
                }
                case API_QUOTA -> {
                    pausedUntil.set(clock.millis() + quotaPause.toMillis());
                    return giveUp(openId, text, code, "account API quota reached", attempt);
                }
                default -> {
                    boolean transientFault = code == NETWORK || code == BUSY;
                    if (!transientFault || attempt >= attempts) {
                        return giveUp(openId, text, code, transientFault ? "network faults outlasted " + attempt + " tries" : "WeChat error: " + why, attempt);
                    }
                    log.info("customer-service send failed ({}), try {} of {} in {} ms", code, attempt, attempts, sleep);
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return giveUp(openId, text, code, "interrupted", attempt);
                    }
                    sleep *= 2;
                }
            }
        }
    }

    private Delivery giveUp(String openId, String text, int code, String reason, int attempt) {
        log.warn("customer-service message to {} not delivered: {} ({}); recorded for agents", mask(openId), reason, code);
        undelivered.record(new Undelivered(openId, text, code, reason, clock.instant()));
        return new Delivery(false, attempt, code);
    }

    /** OpenIDs are personal identifiers: logs show the first and last characters only. */
    public static String mask(String openId) {
        if (openId == null || openId.length() < 8) return "***";
        return openId.substring(0, 4) + "***" + openId.substring(openId.length() - 3);
    }
}
