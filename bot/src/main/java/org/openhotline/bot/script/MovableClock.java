package org.openhotline.bot.script;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a conversation script moves forward ("advance: 31m") to test idle timeouts and service hours. */
public final class MovableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public MovableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new MovableClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
