package org.openhotline.server.sample;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.bot.flow.FlowEngine;
import org.openhotline.bot.flow.FlowState;
import org.openhotline.bot.flow.FlowStep;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.sensitive.Direction;

/** Drives one citizen through a flow with real analyses, the way the conversation will, keeping a transcript for failure messages. */
final class FlowDriver {
    static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 10, 10, 0);
    private final FlowEngine engine;
    private final Analyzer analyzer;
    private final List<String> transcript = new ArrayList<>();
    FlowState state;
    FlowStep last;

    FlowDriver(FlowEngine engine, Analyzer analyzer) {
        this.engine = engine;
        this.analyzer = analyzer;
    }

    /** The first message: the flow it triggers is started. */
    FlowStep first(String text) {
        var a = analyzer.analyze(text, Direction.INBOUND, NOW);
        String id = engine.triggeredBy(a).orElseThrow(() -> new AssertionError("no flow triggered by " + text));
        return record(text, engine.start(id, a, NOW));
    }

    FlowStep say(String text) {
        if (state == null) throw new AssertionError("the flow has ended\n" + transcript());
        return record(text, engine.resume(state, analyzer.analyze(text, Direction.INBOUND, NOW), NOW));
    }

    private FlowStep record(String text, FlowStep step) {
        transcript.add("> " + text);
        transcript.add("< [" + step.kind() + (step.reason() == null ? "" : " " + step.reason()) + "] " + step.text());
        last = step;
        // UNMATCHED keeps the state as it was; the caller would answer elsewhere and come back
        state = step.state();
        return step;
    }

    String transcript() {
        return String.join("\n", transcript);
    }
}
