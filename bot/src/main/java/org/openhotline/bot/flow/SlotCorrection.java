package org.openhotline.bot.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.flow.definition.FlowDefinition;
import org.openhotline.bot.flow.definition.SlotDefinition;

/**
 * A correction of a slot other than the one asked: a slot named in the message (地址改成…, 电话是…), or a value
 * that fits a slot already filled (不对，是2023年).
 *
 * @param value the new value; null when the message named the slot as wrong without giving a new one (地址错了)
 */
record SlotCorrection(SlotDefinition slot, Map<String, String> value) {

    /** The correction this message makes, or null when it corrects nothing. */
    static SlotCorrection find(FlowDefinition def, FlowState state, Utterance u, SlotDefinition asked) {
        SlotDefinition named = null;
        int namedEnd = -1;
        int namedLength = 0;
        for (SlotDefinition s : def.slots()) {
            List<String> words = new ArrayList<>(s.aliases());
            words.add(s.label());
            for (String w : words) {
                int at = u.original.indexOf(w);
                if (at >= 0 && w.length() > namedLength) {
                    named = s;
                    namedEnd = at + w.length();
                    namedLength = w.length();
                }
            }
        }
        if (named != null && named != asked && (u.correctionMarker() || state.slots().containsKey(named.name()))) {
            List<SlotDefinition> others = def.slots().stream().filter(SlotDefinition::freeText).toList();
            Map<String, String> value = named.freeText() ? SlotReader.readText(named, u.after(namedEnd), u)
                    : SlotReader.read(named, u, others);
            if (value != null) return new SlotCorrection(named, value);
            if (u.correctionMarker()) return new SlotCorrection(named, null);
        }
        for (SlotDefinition s : def.slots()) {
            if (s == asked || s.freeText() || !state.slots().containsKey(s.name())) continue;
            Map<String, String> value = SlotReader.read(s, u, List.of());
            if (value != null && !value.get(s.name()).equals(state.slots().get(s.name()))) {
                if (asked != null && SlotReader.read(asked, u, List.of()) != null && !u.correctionMarker()) return null;
                return new SlotCorrection(s, value);
            }
        }
        return null;
    }
}
