package org.openhotline.desk.chat;

import java.time.Instant;
import java.util.List;
import org.openhotline.bot.handoff.HandoffSummary;

/**
 * One live chat between a citizen and people: the handoff from the bot, its place in routing and who is in it.
 *
 * @param chatId       also the bot's handoff ticket id
 * @param source       sub-channel / entry point (e.g. "wechat:menu", "web:mobile"), for priority rules; may be null
 * @param agentId      the agent who owns it (OFFERED: the agent it is offered to), else null
 * @param participants agents invited in (group leaders), besides {@code agentId}
 * @param priority     higher first; from the priority rules
 * @param endReason    a configured reason code (ENDED), else null
 */
public record Chat(String chatId, String sessionId, String channel, String source, String skillGroup, ChatStatus status,
                   String agentId, List<String> participants, int priority, HandoffSummary summary, Instant queuedAt,
                   Instant acceptedAt, Instant endedAt, String endReason, String wrapUpNote) {
    public Chat {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}
