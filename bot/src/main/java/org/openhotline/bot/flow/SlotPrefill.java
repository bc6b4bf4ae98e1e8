package org.openhotline.bot.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhotline.bot.flow.definition.FlowDefinition;
import org.openhotline.bot.flow.definition.SlotDefinition;
import org.openhotline.bot.flow.definition.SlotType;

/** Slots filled from what a message said besides its answer, so the citizen is never asked for what they already gave. */
final class SlotPrefill {
    private SlotPrefill() {}

    /** Slots of non-text types found in a message that answered something else, for slots still empty. */
    static Map<String, String> others(FlowDefinition def, Utterance u, SlotDefinition except, FlowState state) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SlotDefinition s : def.slots()) {
            if (s == except || !s.prefill() || s.freeText() || state.slots().containsKey(s.name())) continue;
            Map<String, String> v = SlotReader.read(s, u, List.of());
            if (v != null && !out.containsValue(v.get(s.name()))) out.putAll(v);
        }
        return out;
    }

    /**
     * A text slot marked {@code prefill: true} takes what the first message said besides the trigger phrase
     * (我要投诉，楼下工地夜里施工 → 楼下工地夜里施工), when that is long enough to be the answer.
     */
    static Map<String, String> describedInFirstMessage(FlowDefinition def, Utterance u, FlowState state) {
        for (SlotDefinition s : def.slots()) {
            if (!s.prefill() || !s.accepts(SlotType.TEXT) || state.slots().containsKey(s.name())) continue;
            String rest = u.original;
            String lower = rest.toLowerCase(Locale.ROOT);
            for (String phrase : def.triggers().phrases()) {
                int at = lower.indexOf(phrase);
                if (at >= 0 && lower.length() == rest.length()) {
                    rest = rest.substring(0, at) + " " + rest.substring(at + phrase.length());
                    break;
                }
            }
            rest = rest.replaceFirst("^[\\p{P}\\p{Z}\\s]*(一下|个事|件事)?[\\p{P}\\p{Z}\\s]*", "").strip();
            Map<String, String> v = SlotReader.readText(s, rest, u);
            return v == null ? Map.of() : v;
        }
        return Map.of();
    }
}
