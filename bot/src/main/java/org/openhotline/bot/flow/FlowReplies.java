package org.openhotline.bot.flow;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.flow.FlowStep.Kind;
import org.openhotline.bot.flow.definition.FlowDefinition;
import org.openhotline.bot.flow.definition.SlotDefinition;
import org.openhotline.bot.flow.template.Scope;
import org.openhotline.bot.flow.template.Template;
import org.openhotline.nlu.entity.EntityExtractor;
import org.openhotline.nlu.entity.PersonalDataMasker;

/**
 * Writes a flow's steps: renders its templates over the slots (personal values masked where a template asks for
 * it) and builds the questions, read-backs and endings, so the engine and the business call phrase them alike.
 */
final class FlowReplies {
    static final String HUMAN = "转人工";
    static final List<String> HUMAN_BUTTON = List.of(HUMAN);

    private final Map<String, String> vars;
    private final PersonalDataMasker masker = new PersonalDataMasker(new EntityExtractor());

    FlowReplies(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    Scope scope(FlowDefinition def, FlowState state, Map<String, Object> extra) {
        Map<String, Object> roots = new HashMap<>(extra);
        roots.put("slots", state.slots());
        roots.put("flow", Map.of("id", def.id(), "title", def.title()));
        return new Scope(roots, vars, s -> masker.mask(s, LocalDateTime.now()));
    }

    String render(Template t, FlowDefinition def, FlowState state, Map<String, Object> extra) {
        return t.render(scope(def, state, extra));
    }

    FlowStep ask(FlowDefinition def, FlowState state, SlotDefinition slot, String prefix, Kind kind) {
        FlowState at = state.at(FlowState.slotStep(slot.name()));
        return new FlowStep(kind, join(prefix, render(slot.prompt(), def, at, Map.of())), slot.buttons(), at, null, Map.of(), at.slots());
    }

    FlowStep confirm(FlowDefinition def, FlowState state, String prefix, Kind kind) {
        FlowState at = state.at(FlowState.CONFIRM);
        return new FlowStep(kind, join(prefix, render(def.confirm().text(), def, at, Map.of())), def.confirm().buttons(), at, null,
                Map.of(), at.slots());
    }

    FlowStep giveUp(FlowDefinition def, FlowState state, String failedLabel) {
        String text = render(def.texts().giveUp(), def, state, Map.of("failed", Map.of("label", failedLabel)));
        return ended(Kind.GIVE_UP, text, HUMAN_BUTTON, "flow_failures", Map.of(), state);
    }

    static FlowStep ended(Kind kind, String text, List<String> buttons, String reason, Map<String, Object> result, FlowState last) {
        return new FlowStep(kind, text, buttons, null, reason, result, last.slots());
    }

    /** The label of the slot being asked, for "did not understand your …" texts. */
    static String label(FlowDefinition def, FlowState state) {
        String slot = state.askedSlot();
        return slot == null ? "信息" : def.slot(slot).map(SlotDefinition::label).orElse("信息");
    }

    static String labels(FlowDefinition def, Collection<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) def.slot(n).ifPresent(s -> out.add(s.label()));
        return String.join("、", out);
    }

    /** A re-asked question always offers a person too. */
    static List<String> withHuman(List<String> buttons) {
        if (buttons.contains(HUMAN)) return buttons;
        List<String> out = new ArrayList<>(buttons);
        out.add(HUMAN);
        return out;
    }

    static String join(String a, String b) {
        if (a == null || a.isBlank()) return b;
        if (b == null || b.isBlank()) return a;
        return a.strip() + "\n" + b.strip();
    }
}
