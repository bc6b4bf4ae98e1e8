package org.openhotline.bot.script;

import java.util.List;
import java.util.Map;

/**
 * What a script expects of one reply; every field is optional and only the ones given are checked.
 *
 * @param type     wire type: answer, clarify, fallback, transfer
 * @param act      finer act: faq, smalltalk, flow, offer_human, outside_hours …
 * @param entry    the knowledge entry answered from ("none" for no entry)
 * @param transfer the transfer policy's reason (keyword, unknown_streak …), or "none"
 * @param flow     the flow running after this turn ("none" when no flow runs)
 * @param slots    slots the running flow must hold after this turn
 */
public record Expectation(String type, String act, String entry, List<String> contains, List<String> notContains,
                          String transfer, String flow, Map<String, String> slots, List<String> buttons, String reason) {
    public Expectation {
        contains = contains == null ? List.of() : List.copyOf(contains);
        notContains = notContains == null ? List.of() : List.copyOf(notContains);
        slots = slots == null ? Map.of() : Map.copyOf(slots);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
}
