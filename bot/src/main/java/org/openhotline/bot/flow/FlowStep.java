package org.openhotline.bot.flow;

import java.util.List;
import java.util.Map;

/**
 * What one message did to a flow, and what to say.
 *
 * @param text      the reply (for UNMATCHED: the current question, to repeat after the FAQ detour)
 * @param buttons   suggested answers (确认提交, 转人工…) for channels that show buttons
 * @param state     the state to keep for the next message; null once the flow has ended
 * @param reason    why it ended or gave up: the outcome's name (ok, not_found…), cancel, flow_failures,
 *                  business_error, ask_human, flow_unknown; null while the flow goes on
 * @param result    the business system's answer when the flow ended on it (an error detail on failure), else empty
 * @param collected the slots known after this step, also when the flow ended (for a human taking over);
 *                  personal data — mask before logging
 */
public record FlowStep(Kind kind, String text, List<String> buttons, FlowState state, String reason, Map<String, Object> result,
                       Map<String, String> collected) {
    public enum Kind {
        /** Asking a slot or for confirmation; the flow goes on. */
        PROMPT,
        /** The answer did not fit the slot; the failure was counted and the question is asked again. */
        REPROMPT,
        /** The message fits nothing here and looks like something else (a question): state unchanged, no failure. */
        UNMATCHED,
        /** The flow finished; {@code text} is its final reply. */
        DONE,
        /** The citizen cancelled. */
        CANCELLED,
        /** Too many failures, a business error configured to give up, or a request for a human: offer a person. */
        GIVE_UP
    }

    public FlowStep {
        buttons = List.copyOf(buttons);
        result = result == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(result));
        collected = collected == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(collected));
    }

    /** Whether the flow is over after this step (the caller drops the state). */
    public boolean ended() {
        return state == null;
    }
}
