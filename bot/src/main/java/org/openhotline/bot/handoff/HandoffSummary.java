package org.openhotline.bot.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an agent needs to take over without asking the citizen again: what was said, what the bot
 * understood, where a task flow stopped and why the bot handed over.
 *
 * @param transcript the conversation so far, oldest first ("citizen: …", "bot: …")
 * @param intents    intents present in the citizen's messages, most recent first, no duplicates
 * @param entities   entities found ("phone=139…", "id_card=…"); full values, stored for the agent, never logged
 * @param flowId     the task flow running when the transfer happened, else null
 * @param flowSlots  the slots that flow had filled
 * @param topic      the knowledge entry last answered, else null
 */
public record HandoffSummary(String sessionId, String channel, String reason, String detail, String skillGroup,
                             List<String> transcript, List<String> intents, List<String> entities, String flowId,
                             Map<String, String> flowSlots, String topic, Instant at) {
    public HandoffSummary {
        transcript = List.copyOf(transcript);
        intents = List.copyOf(intents);
        entities = List.copyOf(entities);
        flowSlots = Map.copyOf(flowSlots);
    }
}
