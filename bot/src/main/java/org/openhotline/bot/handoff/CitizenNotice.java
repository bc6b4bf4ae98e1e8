package org.openhotline.bot.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One thing the desk tells a citizen. {@code text} is always a ready-to-send Chinese sentence, so a text-only
 * channel (WeChat, SMS) can just send it; a rich channel (web chat) may render from the structured fields.
 *
 * @param sessionId   the bot session (the channel's key for the citizen: web session id, WeChat openid session)
 * @param chatId      the desk's chat (the handoff ticket id)
 * @param agentName   the agent's display name (ACCEPTED, MESSAGE, TRANSFERRED), else null
 * @param position    place in the queue, 1 = next (QUEUED, POSITION), else 0
 * @param estimatedWait the estimated wait (QUEUED, POSITION), else null
 * @param seq         the chat message's sequence number (MESSAGE), else 0
 * @param messageKind TEXT, IMAGE, EMOJI, RICH (MESSAGE), else null; for IMAGE {@code body} is the image URL
 * @param body        the agent's message as sent (MESSAGE), else null
 * @param ratingTags  the tags a citizen may pick per level 1..5 (RATING_INVITATION), else empty
 * @param options     buttons a channel may show (QUEUE_TIMEOUT: "留言", "回电"; RATING_INVITATION: the 5 levels)
 */
public record CitizenNotice(Type type, String sessionId, String channel, String chatId, String text, String agentName,
                            int position, Duration estimatedWait, long seq, String messageKind, String body,
                            Map<Integer, List<String>> ratingTags, List<String> options, Instant at) {
    public enum Type {
        /** Put in the queue (with welcome text, position, estimated wait). */
        QUEUED,
        /** The position or the estimated wait changed. */
        POSITION,
        /** An agent took the chat. */
        ACCEPTED,
        /** An agent's message. */
        MESSAGE,
        /** Passed to another agent or group (the citizen waits again or has a new agent). */
        TRANSFERRED,
        /** The agent ended the chat; a RATING_INVITATION follows when rating is on. */
        ENDED,
        /** Rate this service: reply 1..5 (or the level words), optionally a comment. */
        RATING_INVITATION,
        /** Waited too long: leave a message or ask for a call back. */
        QUEUE_TIMEOUT,
        /** The agent is typing (web chat only; text channels ignore it). */
        TYPING
    }

    public CitizenNotice {
        ratingTags = ratingTags == null ? Map.of() : Map.copyOf(ratingTags);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A notice with only a text (ENDED, TRANSFERRED …). */
    public static CitizenNotice of(Type type, String sessionId, String channel, String chatId, String text, Instant at) {
        return new CitizenNotice(type, sessionId, channel, chatId, text, null, 0, null, 0, null, null, Map.of(), List.of(), at);
    }
}
