package org.openhotline.bot.hours;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Whether humans are there for one group and service at one moment, and if not, what the bot should say.
 *
 * @param nextOpening when they are next there (the moment itself when open); empty if not within the search horizon
 * @param backPhrase  "人工服务将于今天13:30恢复", or the unknown-text; empty when open
 * @param reply       the outside-hours reply offering a message or a callback; empty when open
 * @param day         what the calendar says the day is (a holiday's name is in {@link CalendarDay#name()})
 */
public record Availability(boolean open, Optional<ZonedDateTime> nextOpening, String backPhrase, String reply, CalendarDay day) {}
