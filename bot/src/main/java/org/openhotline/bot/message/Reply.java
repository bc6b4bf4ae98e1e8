package org.openhotline.bot.message;

import java.util.List;

/**
 * The bot's answer to one message, channel-neutral.
 *
 * @param entryId    the knowledge entry answered from (ANSWER), else null
 * @param options    numbered choices (CLARIFY), hot questions (FALLBACK) or related questions (ANSWER)
 * @param confidence the retrieval confidence of the top candidate, 0..1
 * @param reason     why the bot transferred or fell back, for logs and the agent's summary
 */
public record Reply(ReplyType type, String text, String entryId, List<ReplyOption> options, double confidence, String reason) {
    public Reply {
        options = List.copyOf(options == null ? List.of() : options);
    }
}
