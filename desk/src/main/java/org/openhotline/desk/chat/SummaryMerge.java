package org.openhotline.desk.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.openhotline.bot.handoff.HandoffSummary;

/**
 * A second handover of a citizen whose chat is still open adds what it knows to the chat's summary instead of being
 * lost: a call the voice bot queued is then transferred by the IVR, which knows the caller's number and the menu path
 * the bot never saw. What the agent reads first (reason, group, flow) stays the first handover's.
 */
final class SummaryMerge {
    private SummaryMerge() {}

    /** The open chat's summary with {@code later}'s new lines and entities; {@code open} itself when nothing is new. */
    static HandoffSummary merge(HandoffSummary open, HandoffSummary later) {
        List<String> newLines = later.transcript().stream().filter(l -> !open.transcript().contains(l)).toList();
        LinkedHashSet<String> entities = new LinkedHashSet<>(open.entities());
        entities.addAll(later.entities());
        LinkedHashSet<String> intents = new LinkedHashSet<>(open.intents());
        intents.addAll(later.intents());
        if (newLines.isEmpty() && entities.size() == open.entities().size() && intents.size() == open.intents().size()) return open;
        List<String> transcript = new ArrayList<>(newLines); // the IVR's path came before the bot's conversation
        transcript.addAll(open.transcript());
        return new HandoffSummary(open.sessionId(), open.channel(), open.reason(), open.detail(), open.skillGroup(), transcript,
                List.copyOf(intents), List.copyOf(entities), open.flowId(), open.flowSlots(), open.topic(), open.at());
    }
}
