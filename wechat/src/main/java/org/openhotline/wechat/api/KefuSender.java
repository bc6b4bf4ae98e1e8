package org.openhotline.wechat.api;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes messages through the customer-service API, each on its own virtual thread so no callback thread ever
 * waits on WeChat. A send is retried with doubling back-off only when it surely did not arrive (see
 * {@link SendFault}); a send that may have arrived is recorded as uncertain, never repeated. 45015 (the citizen has
 * not written for 48 hours) goes out as a template message when one is configured, else is recorded as
 * undelivered; 45047 (the per-citizen quota) is recorded and nothing more is pushed to that citizen until they
 * write again; 45009 (the account's daily API quota) pauses all sends for a while.
 */
public final class KefuSender {
    private static final Logger log = LoggerFactory.getLogger(KefuSender.class);
    static final int OUTSIDE_WINDOW = 45015;
    static final int USER_QUOTA = 45047;
    static final int API_QUOTA = 45009;

    private final WechatApi api;
    private final UndeliveredLog undelivered;
    private final int attempts;
    private final Duration backoff;
    private final Clock clock;
    private final TemplateSender template;
    private final ConcurrentHashMap<String, CompletableFuture<Delivery>> queues = new ConcurrentHashMap<>();
    private final SendLimits limits;
    private final Duration quotaPause = Duration.ofMinutes(10);

    public KefuSender(WechatApi api, UndeliveredLog undelivered, int attempts, Duration backoff, Clock clock) {
        this(api, undelivered, attempts, backoff, clock, TemplateSettings.NONE, SendLimits.inMemory());
    }

    public KefuSender(WechatApi api, UndeliveredLog undelivered, int attempts, Duration backoff, Clock clock, TemplateSettings template,
                      SendLimits limits) {
        this.limits = limits;
        this.api = api;
        this.undelivered = undelivered;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.clock = clock;
        this.template = template.configured() ? new TemplateSender(api, template, clock) : null;
    }

    /** Starts the delivery of a text and returns at once. */
    public CompletableFuture<Delivery> send(String openId, String text) {
        return start(openId, new Outgoing.Text(text));
    }

    /** Starts the delivery of an image (uploaded to WeChat's media store, then sent) and returns at once. */
    public CompletableFuture<Delivery> sendImage(String openId, String fileName, byte[] image) {
        return start(openId, new Outgoing.Image(fileName, image));
    }

    /**
     * Sends to one citizen go out one after another, in the order given (an agent's words must not overtake the
     * "accepted" notice); sends to different citizens run side by side.
     */
    private CompletableFuture<Delivery> start(String openId, Outgoing message) {
        CompletableFuture<Delivery> done = new CompletableFuture<>();
        Runnable run = () -> Thread.ofVirtual().name("wechat-kefu").start(() -> {
            try {
                done.complete(deliver(openId, message));
            } catch (Throwable e) {
                log.error("customer-service send failed unexpectedly", e);
                done.completeExceptionally(e);
            } finally {
                queues.remove(openId, done);
            }
        });
        CompletableFuture<Delivery> before = queues.put(openId, done);
        if (before == null) run.run();
        else before.whenComplete((d, e) -> run.run());
        return done;
    }

    /** A message from the citizen reopens their window and quota: pushes to them may resume. */
    public void citizenWrote(String openId) {
        limits.resume(openId);
    }

    private Delivery deliver(String openId, Outgoing message) {
        if (limits.suspended(openId)) return giveUp(openId, message, USER_QUOTA, "quota reached earlier; waiting for the citizen to write", 0, false);
        if (clock.millis() < limits.pausedUntil()) return giveUp(openId, message, API_QUOTA, "account API quota reached; paused", 0, false);
        long sleep = backoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            SendFault fault;
            try {
                message.send(api, openId);
                return new Delivery(true, attempt, 0);
            } catch (WxErrorException e) {
                fault = SendFault.of(e);
            } catch (WxRuntimeException e) {
                fault = SendFault.of(e);
            }
            switch (fault.code()) {
                case OUTSIDE_WINDOW -> {
                    return outsideWindow(openId, message, attempt);
                }
                case USER_QUOTA -> {
                    limits.suspend(openId);
                    return giveUp(openId, message, fault.code(), "customer-service quota for this citizen reached", attempt, false);
                }
                case API_QUOTA -> {
                    limits.pauseUntil(clock.millis() + quotaPause.toMillis());
                    return giveUp(openId, message, fault.code(), "account API quota reached", attempt, false);
                }
                default -> {
                    if (fault.kind() == SendFault.Kind.UNCERTAIN) {
                        return giveUp(openId, message, fault.code(), "sent but no answer (" + fault.why() + "): may have arrived, not repeated", attempt, true);
                    }
                    if (fault.kind() == SendFault.Kind.FINAL || attempt >= attempts) {
                        return giveUp(openId, message, fault.code(), fault.kind() == SendFault.Kind.RETRY
                                ? "faults outlasted " + attempt + " tries (" + fault.why() + ")" : "WeChat error: " + fault.why(), attempt, false);
                    }
                    log.info("customer-service send failed before arriving ({} {}), try {} of {} in {} ms", fault.code(), fault.why(), attempt, attempts, sleep);
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return giveUp(openId, message, fault.code(), "interrupted", attempt, false);
                    }
                    sleep *= 2;
                }
            }
        }
    }

    private Delivery outsideWindow(String openId, Outgoing message, int attempt) {
        if (template != null && message instanceof Outgoing.Text t) {
            TemplateSender.Result r = template.send(openId, t.text());
            if (r.delivered()) {
                log.info("customer-service message to {} outside the 48-hour window: sent as a template message", mask(openId));
                return new Delivery(true, attempt, OUTSIDE_WINDOW);
            }
            return giveUp(openId, message, r.code(), "outside the 48-hour window; template message failed: " + r.why(), attempt, r.uncertain());
        }
        return giveUp(openId, message, OUTSIDE_WINDOW, "outside the 48-hour customer-service window", attempt, false);
    }

    private Delivery giveUp(String openId, Outgoing message, int code, String reason, int attempt, boolean uncertain) {
        log.warn("customer-service message to {} {}: {} ({}); recorded for agents", mask(openId), uncertain ? "perhaps delivered" : "not delivered",
                reason, code);
        undelivered.record(new Undelivered(openId, message.describe(), code, reason, uncertain, clock.instant()));
        return new Delivery(false, attempt, code);
    }

    /** OpenIDs are personal identifiers: logs show the first and last characters only. */
    public static String mask(String openId) {
        if (openId == null || openId.length() < 8) return "***";
        return openId.substring(0, 4) + "***" + openId.substring(openId.length() - 3);
    }
}
