package org.openhotline.bot.handoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.bot.log.LoggedMessage;
import org.openhotline.bot.log.MessageLog;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.bot.transfer.TransferDecision;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.entity.Entity;
import org.openhotline.nlu.intent.Intent;

/**
 * Builds the summary an agent reads when taking over: the transcript from the message log plus the message
 * being handled, and the intents and entities the citizen's messages carried (noted in the session turn by
 * turn, whole values, so the agent never asks for a number the citizen already gave).
 */
public final class HandoffSummaries {
    private static final int TRANSCRIPT = 30;
    private final MessageLog log;

    public HandoffSummaries(MessageLog log) {
        this.log = log;
    }

    public HandoffSummary of(ConversationSession s, String channel, TransferDecision decision, String skillGroup, String current,
                             Analysis currentAnalysis, String flowId, Map<String, String> flowSlots, Instant now) {
        List<String> transcript = new ArrayList<>();
        Set<String> intents = new LinkedHashSet<>();
        Set<String> entities = new LinkedHashSet<>();
        for (Intent i : currentAnalysis.intents()) if (i.isPresent()) intents.add(i.name());
        for (Entity e : currentAnalysis.entities()) entities.add(e.type().wireName() + "=" + e.value());
        intents.addAll(s.notedIntents());
        entities.addAll(s.notedEntities());
        List<LoggedMessage> earlier;
        try {
            earlier = log.transcript(s.id(), TRANSCRIPT);
        } catch (RuntimeException e) {
            earlier = List.of(); // the handoff must go through even if the log cannot be read
        }
        for (LoggedMessage m : earlier) transcript.add((m.inbound() ? "citizen: " : "bot: ") + m.body());
        transcript.add("citizen: " + current);
        return new HandoffSummary(s.id(), channel, decision.reason().wireName(), decision.detail(), skillGroup, transcript,
                List.copyOf(intents), List.copyOf(entities), flowId, flowSlots, s.topic() == null ? null : s.topic().entryId(), now);
    }
}
