package org.openhotline.bot.flow.definition;

import java.util.List;
import java.util.Optional;
import org.openhotline.bot.flow.template.Template;

/**
 * One task flow as read from its YAML file: slots asked in order (those already known are skipped), an
 * optional confirmation, an optional business call, and the outcomes that turn the result into a reply.
 *
 * @param source   the file it came from, for error messages and logs
 * @param maxTurns a hard cap on messages inside the flow, so no one is kept in it indefinitely
 */
public record FlowDefinition(String id, String title, String source, Triggers triggers, Template intro,
                             List<SlotDefinition> slots, ConfirmDefinition confirm, CallDefinition call,
                             List<Outcome> outcomes, FlowTexts texts, int maxTurns) {
    public FlowDefinition {
        slots = List.copyOf(slots);
        outcomes = List.copyOf(outcomes);
    }

    public Optional<SlotDefinition> slot(String name) {
        return slots.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
