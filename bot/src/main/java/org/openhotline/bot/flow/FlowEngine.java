package org.openhotline.bot.flow;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.bot.flow.FlowStep.Kind;
import org.openhotline.bot.flow.definition.FlowDefinition;
import org.openhotline.bot.flow.definition.FlowDefinitionException;
import org.openhotline.bot.flow.definition.SlotDefinition;
import org.openhotline.bot.flow.http.BusinessClient;
import org.openhotline.bot.flow.http.BusinessResponse;
import org.openhotline.nlu.Analysis;

/**
 * Runs the task flows defined in YAML, one message at a time: a pure state machine over NLU analyses.
 * It keeps nothing between calls (the caller stores {@link FlowState}), so it is thread-safe and any node
 * can carry on any citizen's flow. A request for a human is never swallowed: it ends the flow with
 * {@link Kind#GIVE_UP} and reason {@code ask_human}, whatever step the flow is at.
 */
public final class FlowEngine {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FlowEngine.class);
    /** The sample flows shipped in the jar, under {@code flows/}. */
    public static final List<String> BUNDLED = FlowFiles.BUNDLED;
    /** Unclear answers to the read-back before offering a human. */
    private static final int CONFIRM_FAILURES = 3;
    private static final List<String> DEFAULT_YES = List.of("确认", "确认提交", "提交", "确定", "对", "对的", "是", "是的", "没错", "正确", "没问题", "好", "好的", "可以");
    private static final List<String> DEFAULT_NO = List.of("修改", "我要修改", "不对", "不是", "有误", "错了");

    private final Map<String, FlowDefinition> flows;
    private final FlowReplies replies;
    private final BusinessStep business;

    private FlowEngine(List<FlowDefinition> definitions, BusinessClient client, Map<String, String> vars) {
        Map<String, FlowDefinition> byId = new LinkedHashMap<>();
        for (FlowDefinition d : definitions) {
            FlowDefinition before = byId.putIfAbsent(d.id(), d);
            if (before != null) throw new FlowDefinitionException(d.source() + ": id: flow '" + d.id() + "' is already defined in " + before.source());
        }
        this.flows = byId;
        this.replies = new FlowReplies(vars);
        this.business = new BusinessStep(client, replies);
    }

    /**
     * Reads every {@code *.yml} / {@code *.yaml} in {@code dirOrNull} (null: the bundled sample flows) and checks
     * them whole; a bad file fails the load with a message naming the file and the field.
     *
     * @param vars values for {@code ${business.base-url}} and the like in the flow files
     */
    public static FlowEngine load(Path dirOrNull, BusinessClient client, Map<String, String> vars) {
        FlowEngine engine = new FlowEngine(FlowFiles.read(dirOrNull, vars), client, vars);
        log.info("task flows loaded: {}", engine.flows.keySet());
        return engine;
    }

    /** An engine with no flows, for a deployment without business systems: nothing ever triggers. */
    public static FlowEngine none() {
        return new FlowEngine(List.of(), r -> BusinessResponse.error(0, "no business system configured"), Map.of());
    }

    public List<FlowDefinition> flows() {
        return List.copyOf(flows.values());
    }

    /** The flow whose triggers this message matches best (the longest phrase), if any; a request for a human starts none. */
    public Optional<String> triggeredBy(Analysis a) {
        if (a.has("ask_human")) return Optional.empty();
        String text = a.text().normalized();
        String best = null;
        int bestScore = 0;
        for (FlowDefinition d : flows.values()) {
            int score = d.triggers().match(text);
            if (score > bestScore) {
                best = d.id();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Starts a flow; slots already given in the first message (an ID number, a date) are not asked again. */
    public FlowStep start(String flowId, Analysis a, LocalDateTime now) {
        FlowDefinition def = flows.get(flowId);
        if (def == null) throw new IllegalArgumentException("no flow '" + flowId + "' (known: " + flows.keySet() + ")");
        Utterance u = new Utterance(a);
        FlowState state = new FlowState(def.id(), "", Map.of(), Map.of(), 0);
        state = state.withSlots(SlotPrefill.others(def, u, null, state));
        state = state.withSlots(SlotPrefill.describedInFirstMessage(def, u, state));
        log.info("flow {} started ({} of {} slots given in the first message)", def.id(), state.slots().size(), def.slots().size());
        String intro = def.intro() == null ? "" : replies.render(def.intro(), def, state, Map.of());
        return advance(def, state, intro, now);
    }

    /** Carries the flow on with the citizen's next message. */
    public FlowStep resume(FlowState state, Analysis a, LocalDateTime now) {
        FlowDefinition def = flows.get(state.flowId());
        if (def == null) {
            log.warn("a session was in flow '{}', which is no longer defined; ending it", state.flowId());
            return FlowReplies.ended(Kind.CANCELLED, "抱歉，这项业务暂时无法继续办理。请直接提问，或回复“转人工”。", List.of(), "flow_unknown", Map.of(), state);
        }
        Utterance u = new Utterance(a);
        if (a.has("ask_human")) {
            log.info("flow {}: the citizen asked for a human at {}", def.id(), state.step());
            return FlowReplies.ended(Kind.GIVE_UP, "", FlowReplies.HUMAN_BUTTON, "ask_human", Map.of(), state);
        }
        if (u.cancel()) {
            log.info("flow {} cancelled at {}", def.id(), state.step());
            return FlowReplies.ended(Kind.CANCELLED, replies.render(def.texts().cancelled(), def, state, Map.of()), List.of(), "cancel", Map.of(), state);
        }
        FlowState next = state.nextTurn();
        if (next.turns() > def.maxTurns()) {
            log.info("flow {} gave up after {} turns", def.id(), def.maxTurns());
            return replies.giveUp(def, next, FlowReplies.label(def, state));
        }
        String slot = state.askedSlot();
        if (slot == null && FlowState.CONFIRM.equals(state.step()) && def.confirm() != null) return atConfirm(def, next, u, now);
        SlotDefinition asked = slot == null ? null : def.slot(slot).orElse(null);
        if (asked == null) {
            // a step this flow no longer has (the file changed, or a damaged state): the message answers the first missing slot
            String missing = firstMissing(def, next);
            if (missing == null) return advance(def, next, "", now);
            asked = def.slot(missing).get();
            next = next.at(FlowState.slotStep(missing));
        }
        return atSlot(def, next, asked, u, now);
    }

    /** The current question again, introduced as a return to the flow (after an FAQ detour). */
    public String prompt(FlowState state) {
        FlowStep current = current(state);
        FlowDefinition def = flows.get(state.flowId());
        if (def == null || current.ended()) return current.text();
        return FlowReplies.join(replies.render(def.texts().back(), def, state, Map.of()), current.text());
    }

    /** The current question as a step (with its buttons), without any introduction. */
    public FlowStep current(FlowState state) {
        FlowDefinition def = flows.get(state.flowId());
        if (def == null) return FlowReplies.ended(Kind.CANCELLED, "抱歉，这项业务暂时无法继续办理。", List.of(), "flow_unknown", Map.of(), state);
        String slot = state.askedSlot();
        if (slot != null && def.slot(slot).isPresent()) return replies.ask(def, state, def.slot(slot).get(), "", Kind.PROMPT);
        if (FlowState.CONFIRM.equals(state.step()) && def.confirm() != null) return replies.confirm(def, state, "", Kind.PROMPT);
        String missing = firstMissing(def, state);
        if (missing != null) return replies.ask(def, state.at(FlowState.slotStep(missing)), def.slot(missing).get(), "", Kind.PROMPT);
        return replies.confirm(def, state.at(FlowState.CONFIRM), "", Kind.PROMPT);
    }

    private FlowStep atSlot(FlowDefinition def, FlowState state, SlotDefinition asked, Utterance u, LocalDateTime now) {
        List<SlotDefinition> others = def.slots().stream().filter(s -> s != asked).toList();
        if (u.correctionMarker()) {
            FlowStep corrected = correct(def, state, u, asked, now);
            if (corrected != null) return corrected;
        }
        // a free-text slot would take a question as its answer: let the FAQ have it first
        if (asked.freeText() && u.elsewhere(true)) return unmatched(def, state);
        Map<String, String> value = SlotReader.read(asked, u, others);
        if (value == null && SlotReader.skipped(asked, u)) value = Map.of(asked.name(), asked.skipValue());
        if (value != null) {
            FlowState filled = state.withSlots(value);
            filled = filled.withSlots(SlotPrefill.others(def, u, asked, filled));
            return advance(def, filled, "", now);
        }
        FlowStep corrected = correct(def, state, u, asked, now);
        if (corrected != null) return corrected;
        Map<String, String> elsewhere = SlotPrefill.others(def, u, asked, state);
        if (!elsewhere.isEmpty()) {
            FlowState more = state.withSlots(elsewhere);
            String noted = replies.render(def.texts().noted(), def, more, Map.of("changed", Map.of("label", FlowReplies.labels(def, elsewhere.keySet()))));
            return replies.ask(def, more, asked, noted, Kind.PROMPT);
        }
        if (u.elsewhere(asked.freeText())) return unmatched(def, state);
        if (u.bareAct()) return replies.ask(def, state, asked, "", Kind.REPROMPT);
        FlowState failed = state.failedAt(state.step());
        if (failed.failuresAt(state.step()) >= asked.maxFailures()) {
            log.info("flow {} gave up: {} answers did not fit slot {}", def.id(), asked.maxFailures(), asked.name());
            return replies.giveUp(def, failed, asked.label());
        }
        Map<String, Object> failedLabel = Map.of("failed", Map.of("label", asked.label()));
        String invalid = asked.invalid() != null ? replies.render(asked.invalid(), def, failed, failedLabel)
                : FlowReplies.join(replies.render(def.texts().invalid(), def, failed, failedLabel), replies.render(asked.prompt(), def, failed, Map.of()));
        return new FlowStep(Kind.REPROMPT, invalid, FlowReplies.withHuman(asked.buttons()), failed, null, Map.of(), failed.slots());
    }

    private FlowStep atConfirm(FlowDefinition def, FlowState state, Utterance u, LocalDateTime now) {
        var confirm = def.confirm();
        FlowStep corrected = correct(def, state, u, null, now);
        if (corrected != null) return corrected;
        List<String> no = confirm.no().isEmpty() ? DEFAULT_NO : confirm.no();
        List<String> yes = confirm.yes().isEmpty() ? DEFAULT_YES : confirm.yes();
        if (!no.contains(u.bare) && u.affirm(yes)) return business.call(def, state);
        if (u.deny(no) || u.correctionMarker()) {
            String which = replies.render(confirm.askChange() != null ? confirm.askChange() : def.texts().whichToChange(), def, state, Map.of());
            return new FlowStep(Kind.PROMPT, which, List.of(), state, null, Map.of(), state.slots());
        }
        if (u.elsewhere(false)) return unmatched(def, state);
        FlowState failed = state.failedAt(FlowState.CONFIRM);
        if (failed.failuresAt(FlowState.CONFIRM) >= CONFIRM_FAILURES) return replies.giveUp(def, failed, "确认");
        return new FlowStep(Kind.REPROMPT, replies.render(confirm.hint(), def, failed, Map.of()), FlowReplies.withHuman(confirm.buttons()), failed, null,
                Map.of(), failed.slots());
    }

    /** Applies a correction of another slot than the one asked; null when the message corrects nothing. */
    private FlowStep correct(FlowDefinition def, FlowState state, Utterance u, SlotDefinition asked, LocalDateTime now) {
        SlotCorrection c = SlotCorrection.find(def, state, u, asked);
        if (c == null) return null;
        if (c.value() != null) return applyCorrection(def, state, c.slot(), c.value(), now);
        FlowState cleared = state.withSlot(c.slot().name(), null).withSlot(c.slot().name() + "_district", null);
        return replies.ask(def, cleared, c.slot(), "好的，请重新提供" + c.slot().label() + "。", Kind.PROMPT);
    }

    private FlowStep applyCorrection(FlowDefinition def, FlowState state, SlotDefinition slot, Map<String, String> value, LocalDateTime now) {
        FlowState changed = state.withSlot(slot.name() + "_district", null).withSlots(value);
        log.info("flow {}: slot {} corrected at {}", def.id(), slot.name(), state.step());
        String noted = replies.render(def.texts().corrected(), def, changed, Map.of("changed", Map.of("label", slot.label())));
        if (FlowState.CONFIRM.equals(state.step()) && def.confirm() != null) {
            return replies.confirm(def, changed, noted, Kind.PROMPT);
        }
        String asked = state.askedSlot();
        if (asked != null && !changed.slots().containsKey(asked)) return replies.ask(def, changed, def.slot(asked).get(), noted, Kind.PROMPT);
        return advance(def, changed, noted, now);
    }

    /** Asks the first missing slot, else reads back for confirmation, else calls the business system. */
    private FlowStep advance(FlowDefinition def, FlowState state, String prefix, LocalDateTime now) {
        String missing = firstMissing(def, state);
        if (missing != null) return replies.ask(def, state.at(FlowState.slotStep(missing)), def.slot(missing).get(), prefix, Kind.PROMPT);
        if (def.confirm() != null) return replies.confirm(def, state.at(FlowState.CONFIRM), prefix, Kind.PROMPT);
        FlowStep done = business.call(def, state);
        if (prefix.isEmpty()) return done;
        return new FlowStep(done.kind(), FlowReplies.join(prefix, done.text()), done.buttons(), done.state(), done.reason(), done.result(), done.collected());
    }

    private static String firstMissing(FlowDefinition def, FlowState state) {
        for (SlotDefinition s : def.slots()) if (!state.slots().containsKey(s.name())) return s.name();
        return null;
    }

    private FlowStep unmatched(FlowDefinition def, FlowState unchangedBefore) {
        // the turn is not counted: the message was not for the flow
        FlowState original = new FlowState(unchangedBefore.flowId(), unchangedBefore.step(), unchangedBefore.slots(),
                unchangedBefore.failures(), unchangedBefore.turns() - 1);
        FlowStep current = current(original);
        return new FlowStep(Kind.UNMATCHED, current.text(), current.buttons(), original, null, Map.of(), original.slots());
    }
}
