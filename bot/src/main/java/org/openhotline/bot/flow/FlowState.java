package org.openhotline.bot.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a citizen is in a flow: plain fields only, so the caller can keep it as JSON (Jackson reads and
 * writes it as is) in whatever session store it has; the engine keeps nothing between calls.
 *
 * @param step     {@code slot:NAME} while asking a slot, {@code confirm} while reading back
 * @param slots    values collected so far, in the flow's order; personal data — never log them unmasked
 * @param failures answers that did not fit, per step, counted over the whole flow
 * @param turns    messages handled inside the flow, against the flow's {@code max-turns}
 */
public record FlowState(String flowId, String step, Map<String, String> slots, Map<String, Integer> failures, int turns) {
    static final String CONFIRM = "confirm";
    private static final String SLOT = "slot:";

    public FlowState {
        slots = Collections.unmodifiableMap(withoutNulls(slots));
        failures = Collections.unmodifiableMap(withoutNulls(failures));
    }

    /** A stored state may come back from JSON with nulls in it; they mean nothing was recorded. */
    private static <V> Map<String, V> withoutNulls(Map<String, V> m) {
        Map<String, V> out = new LinkedHashMap<>();
        if (m != null) m.forEach((k, v) -> {
            if (k != null && v != null) out.put(k, v);
        });
        return out;
    }

    static String slotStep(String slot) {
        return SLOT + slot;
    }

    /** The slot being asked, or null at the confirmation. */
    String askedSlot() {
        return step != null && step.startsWith(SLOT) ? step.substring(SLOT.length()) : null;
    }

    int failuresAt(String step) {
        return failures.getOrDefault(step, 0);
    }

    FlowState at(String newStep) {
        return new FlowState(flowId, newStep, slots, failures, turns);
    }

    FlowState withSlot(String name, String value) {
        Map<String, String> s = new LinkedHashMap<>(slots);
        if (value == null) s.remove(name);
        else s.put(name, value);
        return new FlowState(flowId, step, s, failures, turns);
    }

    FlowState withSlots(Map<String, String> more) {
        Map<String, String> s = new LinkedHashMap<>(slots);
        s.putAll(more);
        return new FlowState(flowId, step, s, failures, turns);
    }

    FlowState failedAt(String failedStep) {
        Map<String, Integer> f = new LinkedHashMap<>(failures);
        f.merge(failedStep, 1, Integer::sum);
        return new FlowState(flowId, step, slots, f, turns);
    }

    FlowState nextTurn() {
        return new FlowState(flowId, step, slots, failures, turns + 1);
    }
}
