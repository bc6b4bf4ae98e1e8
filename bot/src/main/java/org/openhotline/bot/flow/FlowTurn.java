package org.openhotline.bot.flow;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.bot.BotJson;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.nlu.Analysis;

/**
 * The conversation's side of task flows: keeps the running flow's state in the session (as JSON), starts a
 * flow a message triggers, carries it on, and turns the engine's steps into replies. What the engine cannot
 * place (a question mid-flow, giving up) goes back to the conversation, which answers or hands over.
 */
public final class FlowTurn {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FlowTurn.class);
    private final FlowEngine engine;

    public FlowTurn(FlowEngine engine) {
        this.engine = engine;
    }

    /** The flow running in the session, or null; a state that no longer reads is dropped, never fatal. */
    public FlowState running(ConversationSession s) {
        if (s.flowState() == null) return null;
        try {
            return BotJson.mapper().readValue(s.flowState(), FlowState.class);
        } catch (java.io.IOException e) {
            log.warn("dropped a session's flow state that could not be read: {}", e.getClass().getSimpleName());
            s.flowState(null);
            return null;
        }
    }

    /** The running flow's next step, or a flow this message starts; empty when no flow is involved. */
    public Optional<FlowStep> step(FlowState running, Analysis a, LocalDateTime now) {
        if (running != null) return Optional.of(engine.resume(running, a, now));
        return engine.triggeredBy(a).map(id -> engine.start(id, a, now));
    }

    /** Keeps the step's state in the session (none once the flow ended). */
    public void remember(ConversationSession s, FlowStep step) {
        s.flowState(step.ended() ? null : write(step.state()));
    }

    /** The reply for a step the flow handles itself: a question, a re-ask, the result, a cancellation. */
    public Reply reply(FlowStep step, String flowId) {
        ReplyAct act = switch (step.kind()) {
            case DONE -> ReplyAct.FLOW_DONE;
            case CANCELLED -> ReplyAct.FLOW_CANCELLED;
            default -> ReplyAct.FLOW;
        };
        String reason = step.reason() == null ? "flow " + flowId + " " + step.kind().name().toLowerCase() : "flow " + flowId + ": " + step.reason();
        return new Reply(ReplyType.ANSWER, step.text(), null, List.of(), 1.0, reason, act, step.buttons(), flowId, null);
    }

    /** The question the flow is waiting for, to repeat after an answer given on the way. */
    public String prompt(FlowState state) {
        return engine.prompt(state);
    }

    public FlowStep current(FlowState state) {
        return engine.current(state);
    }

    /** The slots of a running flow, for the handoff summary. */
    public static Map<String, String> slots(FlowState state) {
        return state == null ? Map.of() : state.slots();
    }

    private static String write(FlowState state) {
        try {
            return BotJson.mapper().writeValueAsString(state);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a flow state could not be written", e);
        }
    }

    /** A flow's give-up text tells the citizen to ask for a person; when the bot hands over by itself, that sentence goes. */
    public static String withoutAskingForAPerson(String text) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder();
        for (String sentence : text.split("(?<=[。！？])")) {
            if (!sentence.contains("转人工")) {
                out.append(sentence);
                continue;
            }
            List<String> kept = new java.util.ArrayList<>();
            for (String clause : sentence.replaceAll("[。！？]$", "").split("，")) if (!clause.contains("转人工")) kept.add(clause);
            if (!kept.isEmpty()) out.append(String.join("，", kept)).append('。');
        }
        return out.toString().strip();
    }
}
