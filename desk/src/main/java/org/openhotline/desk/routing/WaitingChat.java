package org.openhotline.desk.routing;

import java.time.Instant;
import java.util.Set;

/**
 * A queued chat as routing sees it.
 *
 * @param preferredAgent the agent this citizen last talked to (sticky), or null
 * @param declined       agents who declined it or let its offer expire: tried last
 * @param voice          a phone call (channel {@code voice}): only agents whose phone rings and who are on no other call take it
 */
public record WaitingChat(String chatId, String sessionId, String group, int priority, Instant queuedAt, String preferredAgent,
                          Set<String> declined, boolean voice) {
    /** The wire name of the phone channel (the bot's {@code Channel.VOICE}). */
    public static final String VOICE = "voice";

    public WaitingChat {
        declined = declined == null ? Set.of() : Set.copyOf(declined);
    }

    /** A text chat (web, WeChat). */
    public WaitingChat(String chatId, String sessionId, String group, int priority, Instant queuedAt, String preferredAgent, Set<String> declined) {
        this(chatId, sessionId, group, priority, queuedAt, preferredAgent, declined, false);
    }
}
