package org.openhotline.server.telephony;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.openhotline.telephony.bridge.WaitingCall;
import org.openhotline.voice.prompt.Prompt;
import org.openhotline.voice.prompt.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "您前面还有2位，预计等待3分钟，请稍候" over a queued caller's music, at once and every {@code telephony.position-every-seconds};
 * silent while an agent's phone rings or an agent has the call, and again once a transfer puts the caller back in the
 * queue (the schedule runs until the chat ends). Nothing is synthesised for a caller who would not hear it.
 */
final class PositionAnnouncer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PositionAnnouncer.class);

    private final Prompts prompts;
    private final Locale language;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("phone-queue-timer").factory());
    private final AtomicLong played = new AtomicLong();

    PositionAnnouncer(Prompts prompts, Locale language, Duration every) {
        this.prompts = prompts;
        this.language = language;
        this.every = every;
    }

    /**
     * Announces now (when the caller has a place) and then on schedule until the returned handle is stopped; null when
     * only the first announcement is configured ({@code every} 0).
     */
    ScheduledFuture<?> start(WaitingCall call, IntSupplier position, Supplier<Duration> wait) {
        if (position.getAsInt() > 0) announce(call, position, wait);
        if (every.isZero()) return null;
        return timer.scheduleWithFixedDelay(() -> announce(call, position, wait), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void stop(ScheduledFuture<?> announcing) {
        if (announcing != null) announcing.cancel(false);
    }

    /** Announcements played so far (tests, status). */
    long played() {
        return played.get();
    }

    private void announce(WaitingCall call, IntSupplier position, Supplier<Duration> wait) {
        try {
            int place = position.getAsInt();
            if (place <= 0 || !call.waitingWithMusic()) return;
            if (call.announce(prompts.audio(Prompt.text(PhoneTexts.position(place, wait.get()), language), 8000).samples())) played.incrementAndGet();
        } catch (RuntimeException e) {
            log.warn("{}: position announcement failed: {}", call.callId(), e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
