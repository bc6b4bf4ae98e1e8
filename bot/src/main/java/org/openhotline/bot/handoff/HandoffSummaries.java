package org.openhotline.bot.handoff;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.bot.log.LoggedMessage;
import org.openhotline.bot.log.MessageLog;
import org.openhotline.bot.transfer.TransferDecision;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.entity.Entity;
import org.openhotline.nlu.intent.Intent;
import org.openhotline.nlu.sensitive.Direction;

/**
 * Builds the summary an agent reads when taking over: the transcript from the message log plus the
 * message being handled, and the intents and entities of everything the citizen wrote (re-read from the
 * transcript, so the values are whole even though the log keeps them masked).
 */
public final class HandoffSummaries {
    private static final int TRANSCRIPT = 30;
    private final MessageLog log;
    private final Analyzer analyzer;
    private final ZoneId zone;

    public HandoffSummaries(MessageLog log, Analyzer analyzer, ZoneId zone) {
        this.log = log;
        this.analyzer = analyzer;
        this.zone = zone;
    }

    public HandoffSummary of(String sessionId, String channel, TransferDecision decision, String skillGroup, String current,
                             Analysis currentAnalysis, String flowId, Map<String, String> flowSlots, String topic, Instant now) {
        List<String> transcript = new ArrayList<>();
        Set<String> intents = new LinkedHashSet<>();
        Set<String> entities = new LinkedHashSet<>();
        collect(currentAnalysis, current, intents, entities);
        List<LoggedMessage> earlier;
        try {
            earlier = log.transcript(sessionId, TRANSCRIPT);
        } catch (RuntimeException e) {
            earlier = List.of(); // the handoff must go through even if the log cannot be read
        }
        LocalDateTime at = LocalDateTime.ofInstant(now, zone);
        for (int i = earlier.size() - 1; i >= 0; i--) {
            LoggedMessage m = earlier.get(i);
            if (m.inbound()) collect(analyzer.analyze(m.body(), Direction.INBOUND, at), m.body(), intents, entities);
        }
        for (LoggedMessage m : earlier) transcript.add((m.inbound() ? "citizen: " : "bot: ") + m.body());
        transcript.add("citizen: " + current);
        return new HandoffSummary(sessionId, channel, decision.reason().wireName(), decision.detail(), skillGroup, transcript,
                List.copyOf(intents), List.copyOf(entities), flowId, flowSlots, topic, now);
    }

    private static void collect(Analysis a, String text, Set<String> intents, Set<String> entities) {
        for (Intent i : a.intents()) if (i.isPresent()) intents.add(i.name());
        for (Entity e : a.entities()) entities.add(e.type().wireName() + "=" + e.value());
    }
}
