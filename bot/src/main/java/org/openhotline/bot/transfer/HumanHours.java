package org.openhotline.bot.transfer;

import java.time.ZonedDateTime;
import java.util.Optional;
import org.openhotline.bot.message.Channel;

/**
 * Whether people can take a handoff now. Outside hours a transfer becomes an offer to leave a message or
 * ask for a call back, with the time people are back, instead of a queue nobody serves.
 */
@FunctionalInterface
public interface HumanHours {
    /** People are always there (tests, 24-hour hotlines). */
    HumanHours ALWAYS = (group, channel, now) -> Optional.empty();

    /**
     * Empty when open; otherwise what to tell the citizen: when people are back ("人工服务将于明天08:30恢复")
     * and the offer to leave a message (留言) or ask for a call back (回电).
     */
    Optional<String> closedUntil(String skillGroup, Channel channel, ZonedDateTime now);
}
