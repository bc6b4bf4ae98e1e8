package org.openhotline.bot.flow;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.openhotline.bot.flow.FlowStep.Kind;
import org.openhotline.bot.flow.definition.CallDefinition;
import org.openhotline.bot.flow.definition.FlowDefinition;
import org.openhotline.bot.flow.definition.FlowDefinitionException;
import org.openhotline.bot.flow.definition.FlowParser;
import org.openhotline.bot.flow.definition.Outcome;
import org.openhotline.bot.flow.definition.SlotDefinition;
import org.openhotline.bot.flow.http.BusinessClient;
import org.openhotline.bot.flow.http.BusinessRequest;
import org.openhotline.bot.flow.http.BusinessResponse;
import org.openhotline.bot.flow.template.Scope;
import org.openhotline.bot.flow.template.Template;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.entity.EntityExtractor;
import org.openhotline.nlu.entity.PersonalDataMasker;

/**
 * Runs the task flows defined in YAML, one message at a time: a pure state machine over NLU analyses.
 * It keeps nothing between calls (the caller stores {@link FlowState}), so it is thread-safe and any node
 * can carry on any citizen's flow. A request for a human is never swallowed: it ends the flow with
 * {@link Kind#GIVE_UP} and reason {@code ask_human}, whatever step the flow is at.
 */
public final class FlowEngine {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FlowEngine.class);
    /** The sample flows shipped in the jar, under {@code flows/}. */
    public static final List<String> BUNDLED = List.of("si-payment-records.yml", "hf-withdrawal-progress.yml", "complaint-intake.yml");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Unclear answers to the read-back before offering a human. */
    private static final int CONFIRM_FAILURES = 3;
    private static final List<String> HUMAN_BUTTON = List.of("转人工");
    private static final List<String> DEFAULT_YES = List.of("确认", "确认提交", "提交", "确定", "对", "对的", "是", "是的", "没错", "正确", "没问题", "好", "好的", "可以");
    private static final List<String> DEFAULT_NO = List.of("修改", "我要修改", "不对", "不是", "有误", "错了");

    private final Map<String, FlowDefinition> flows;
    private final BusinessClient client;
    private final Map<String, String> vars;
    private final PersonalDataMasker masker;

    private FlowEngine(List<FlowDefinition> definitions, BusinessClient client, Map<String, String> vars) {
        Map<String, FlowDefinition> byId = new LinkedHashMap<>();
        for (FlowDefinition d : definitions) {
            FlowDefinition before = byId.putIfAbsent(d.id(), d);
            if (before != null) throw new FlowDefinitionException(d.source() + ": id: flow '" + d.id() + "' is already defined in " + before.source());
        }
        this.flows = byId;
        this.client = client;
        this.vars = Map.copyOf(vars);
        this.masker = new PersonalDataMasker(new EntityExtractor());
    }

    /**
     * Reads every {@code *.yml} / {@code *.yaml} in {@code dirOrNull} (null: the bundled sample flows) and checks
     * them whole; a bad file fails the load with a message naming the file and the field.
     *
     * @param vars values for {@code ${business.base-url}} and the like in the flow files
     */
    public static FlowEngine load(Path dirOrNull, BusinessClient client, Map<String, String> vars) {
        FlowParser parser = new FlowParser(vars);
        List<FlowDefinition> defs = new ArrayList<>();
        if (dirOrNull == null) {
            for (String name : BUNDLED) defs.add(parser.parse(name, bundled(name)));
        } else {
            if (!Files.isDirectory(dirOrNull)) throw new FlowDefinitionException("flow folder not found: " + dirOrNull);
            List<Path> files;
            try (Stream<Path> s = Files.list(dirOrNull)) {
                files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
            } catch (IOException e) {
                throw new FlowDefinitionException("cannot list flow folder " + dirOrNull + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) throw new FlowDefinitionException("no flow files (*.yml) in " + dirOrNull);
            for (Path f : files) {
                try {
                    defs.add(parser.parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new FlowDefinitionException(f.getFileName() + ": cannot read: " + e.getMessage(), e);
                }
            }
        }
        FlowEngine engine = new FlowEngine(defs, client, vars);
        log.info("task flows loaded: {}", engine.flows.keySet());
        return engine;
    }

    /** An engine with no flows, for a deployment without business systems: nothing ever triggers. */
    public static FlowEngine none() {
        return new FlowEngine(List.of(), r -> BusinessResponse.error(0, "no business system configured"), Map.of());
    }

    private static String bundled(String name) {
        try (InputStream in = FlowEngine.class.getResourceAsStream("/flows/" + name)) {
            if (in == null) throw new IllegalStateException("bundled flow missing from the jar: flows/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        state = state.withSlots(prefill(def, u, null, state));
        state = state.withSlots(describedInFirstMessage(def, u, state));
        log.info("flow {} started ({} of {} slots given in the first message)", def.id(), state.slots().size(), def.slots().size());
        String intro = def.intro() == null ? "" : render(def.intro(), def, state, Map.of());
        return advance(def, state, intro, now);
    }

    /** Carries the flow on with the citizen's next message. */
    public FlowStep resume(FlowState state, Analysis a, LocalDateTime now) {
        FlowDefinition def = flows.get(state.flowId());
        if (def == null) {
            log.warn("a session was in flow '{}', which is no longer defined; ending it", state.flowId());
            return ended(Kind.CANCELLED, "抱歉，这项业务暂时无法继续办理。请直接提问，或回复“转人工”。", List.of(), "flow_unknown", Map.of(), state);
        }
        Utterance u = new Utterance(a);
        if (a.has("ask_human")) {
            log.info("flow {}: the citizen asked for a human at {}", def.id(), state.step());
            return ended(Kind.GIVE_UP, "", HUMAN_BUTTON, "ask_human", Map.of(), state);
        }
        if (u.cancel()) {
            log.info("flow {} cancelled at {}", def.id(), state.step());
            return ended(Kind.CANCELLED, render(def.texts().cancelled(), def, state, Map.of()), List.of(), "cancel", Map.of(), state);
        }
        FlowState next = state.nextTurn();
        if (next.turns() > def.maxTurns()) {
            log.info("flow {} gave up after {} turns", def.id(), def.maxTurns());
            return giveUp(def, next, label(def, state));
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
        return join(render(def.texts().back(), def, state, Map.of()), current.text());
    }

    /** The current question as a step (with its buttons), without any introduction. */
    public FlowStep current(FlowState state) {
        FlowDefinition def = flows.get(state.flowId());
        if (def == null) return ended(Kind.CANCELLED, "抱歉，这项业务暂时无法继续办理。", List.of(), "flow_unknown", Map.of(), state);
        String slot = state.askedSlot();
        if (slot != null && def.slot(slot).isPresent()) return ask(def, state, def.slot(slot).get(), "", Kind.PROMPT);
        if (FlowState.CONFIRM.equals(state.step()) && def.confirm() != null) return confirm(def, state, "", Kind.PROMPT);
        String missing = firstMissing(def, state);
        if (missing != null) return ask(def, state.at(FlowState.slotStep(missing)), def.slot(missing).get(), "", Kind.PROMPT);
        return confirm(def, state.at(FlowState.CONFIRM), "", Kind.PROMPT);
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
            filled = filled.withSlots(prefill(def, u, asked, filled));
            return advance(def, filled, "", now);
        }
        FlowStep corrected = correct(def, state, u, asked, now);
        if (corrected != null) return corrected;
        Map<String, String> elsewhere = prefill(def, u, asked, state);
        if (!elsewhere.isEmpty()) {
            FlowState more = state.withSlots(elsewhere);
            String noted = render(def.texts().noted(), def, more, Map.of("changed", Map.of("label", labels(def, elsewhere.keySet()))));
            return ask(def, more, asked, noted, Kind.PROMPT);
        }
        if (u.elsewhere(asked.freeText())) return unmatched(def, state);
        if (u.bareAct()) return ask(def, state, asked, "", Kind.REPROMPT);
        FlowState failed = state.failedAt(state.step());
        if (failed.failuresAt(state.step()) >= asked.maxFailures()) {
            log.info("flow {} gave up: {} answers did not fit slot {}", def.id(), asked.maxFailures(), asked.name());
            return giveUp(def, failed, asked.label());
        }
        Map<String, Object> failedLabel = Map.of("failed", Map.of("label", asked.label()));
        String invalid = asked.invalid() != null ? render(asked.invalid(), def, failed, failedLabel)
                : join(render(def.texts().invalid(), def, failed, failedLabel), render(asked.prompt(), def, failed, Map.of()));
        return new FlowStep(Kind.REPROMPT, invalid, withHuman(asked.buttons()), failed, null, Map.of(), failed.slots());
    }

    private FlowStep atConfirm(FlowDefinition def, FlowState state, Utterance u, LocalDateTime now) {
        var confirm = def.confirm();
        FlowStep corrected = correct(def, state, u, null, now);
        if (corrected != null) return corrected;
        List<String> no = confirm.no().isEmpty() ? DEFAULT_NO : confirm.no();
        List<String> yes = confirm.yes().isEmpty() ? DEFAULT_YES : confirm.yes();
        if (!no.contains(u.bare) && u.affirm(yes)) return call(def, state, now);
        if (u.deny(no) || u.correctionMarker()) {
            String which = render(confirm.askChange() != null ? confirm.askChange() : def.texts().whichToChange(), def, state, Map.of());
            return new FlowStep(Kind.PROMPT, which, List.of(), state, null, Map.of(), state.slots());
        }
        if (u.elsewhere(false)) return unmatched(def, state);
        FlowState failed = state.failedAt(FlowState.CONFIRM);
        if (failed.failuresAt(FlowState.CONFIRM) >= CONFIRM_FAILURES) return giveUp(def, failed, "确认");
        return new FlowStep(Kind.REPROMPT, render(confirm.hint(), def, failed, Map.of()), withHuman(confirm.buttons()), failed, null,
                Map.of(), failed.slots());
    }

    /**
     * A correction of a slot other than the one asked: a slot named in the message (地址改成…, 电话是…), or a
     * value that fits a slot already filled (不对，是2023年). Returns null when the message corrects nothing.
     */
    private FlowStep correct(FlowDefinition def, FlowState state, Utterance u, SlotDefinition asked, LocalDateTime now) {
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
            List<SlotDefinition> others = def.slots().stream().filter(s -> s.freeText()).toList();
            Map<String, String> value = named.freeText() ? SlotReader.readText(named, u.after(namedEnd), u)
                    : SlotReader.read(named, u, others);
            if (value != null) return applyCorrection(def, state, named, value, now);
            if (u.correctionMarker()) {
                // 地址错了 with no new address: ask that slot again
                FlowState cleared = state.withSlot(named.name(), null).withSlot(named.name() + "_district", null);
                return ask(def, cleared, named, "好的，请重新提供" + named.label() + "。", Kind.PROMPT);
            }
        }
        for (SlotDefinition s : def.slots()) {
            if (s == asked || s.freeText() || !state.slots().containsKey(s.name())) continue;
            Map<String, String> value = SlotReader.read(s, u, List.of());
            if (value != null && !value.get(s.name()).equals(state.slots().get(s.name()))) {
                if (asked != null && SlotReader.read(asked, u, List.of()) != null && !u.correctionMarker()) return null;
                return applyCorrection(def, state, s, value, now);
            }
        }
        return null;
    }

    private FlowStep applyCorrection(FlowDefinition def, FlowState state, SlotDefinition slot, Map<String, String> value, LocalDateTime now) {
        FlowState changed = state.withSlot(slot.name() + "_district", null).withSlots(value);
        log.info("flow {}: slot {} corrected at {}", def.id(), slot.name(), state.step());
        String noted = render(def.texts().corrected(), def, changed, Map.of("changed", Map.of("label", slot.label())));
        if (FlowState.CONFIRM.equals(state.step()) && def.confirm() != null) {
            return confirm(def, changed, noted, Kind.PROMPT);
        }
        String asked = state.askedSlot();
        if (asked != null && !changed.slots().containsKey(asked)) return ask(def, changed, def.slot(asked).get(), noted, Kind.PROMPT);
        return advance(def, changed, noted, now);
    }

    /** Asks the first missing slot, else reads back for confirmation, else calls the business system. */
    private FlowStep advance(FlowDefinition def, FlowState state, String prefix, LocalDateTime now) {
        String missing = firstMissing(def, state);
        if (missing != null) return ask(def, state.at(FlowState.slotStep(missing)), def.slot(missing).get(), prefix, Kind.PROMPT);
        if (def.confirm() != null) return confirm(def, state.at(FlowState.CONFIRM), prefix, Kind.PROMPT);
        FlowStep done = call(def, state, now);
        if (prefix.isEmpty()) return done;
        return new FlowStep(done.kind(), join(prefix, done.text()), done.buttons(), done.state(), done.reason(), done.result(), done.collected());
    }

    private static String firstMissing(FlowDefinition def, FlowState state) {
        for (SlotDefinition s : def.slots()) if (!state.slots().containsKey(s.name())) return s.name();
        return null;
    }

    private FlowStep ask(FlowDefinition def, FlowState state, SlotDefinition slot, String prefix, Kind kind) {
        FlowState at = state.at(FlowState.slotStep(slot.name()));
        return new FlowStep(kind, join(prefix, render(slot.prompt(), def, at, Map.of())), slot.buttons(), at, null, Map.of(), at.slots());
    }

    private FlowStep confirm(FlowDefinition def, FlowState state, String prefix, Kind kind) {
        FlowState at = state.at(FlowState.CONFIRM);
        return new FlowStep(kind, join(prefix, render(def.confirm().text(), def, at, Map.of())), def.confirm().buttons(), at, null,
                Map.of(), at.slots());
    }

    private FlowStep unmatched(FlowDefinition def, FlowState unchangedBefore) {
        // the turn is not counted: the message was not for the flow
        FlowState original = new FlowState(unchangedBefore.flowId(), unchangedBefore.step(), unchangedBefore.slots(),
                unchangedBefore.failures(), unchangedBefore.turns() - 1);
        FlowStep current = current(original);
        return new FlowStep(Kind.UNMATCHED, current.text(), current.buttons(), original, null, Map.of(), original.slots());
    }

    private FlowStep giveUp(FlowDefinition def, FlowState state, String failedLabel) {
        String text = render(def.texts().giveUp(), def, state, Map.of("failed", Map.of("label", failedLabel)));
        return ended(Kind.GIVE_UP, text, HUMAN_BUTTON, "flow_failures", Map.of(), state);
    }

    private FlowStep call(FlowDefinition def, FlowState state, LocalDateTime now) {
        CallDefinition call = def.call();
        if (call == null) return outcome(def, state, Map.of(), null, now);
        BusinessRequest request;
        try {
            request = request(def, call, state);
        } catch (RuntimeException e) {
            log.warn("flow {}: cannot build the request to {}: {}", def.id(), call.url(), e.toString());
            return apply(def, state, call.onError(), Map.of("error", "bad request"), null, now);
        }
        long t0 = System.nanoTime();
        BusinessResponse response = client.send(request);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return switch (response.outcome()) {
            case TIMEOUT -> {
                log.warn("flow {}: {} {} timed out after {} ms ({})", def.id(), call.method(), call.url(), ms, response.detail());
                yield apply(def, state, call.onTimeout(), Map.of("error", "timeout"), null, now);
            }
            case ERROR -> {
                log.warn("flow {}: {} {} failed after {} ms: {}", def.id(), call.method(), call.url(), ms, response.detail());
                yield apply(def, state, call.onError(), Map.of("error", response.detail()), null, now);
            }
            case OK -> {
                log.info("flow {}: {} {} answered {} in {} ms", def.id(), call.method(), call.url(), response.status(), ms);
                yield outcome(def, state, response.body(), call, now);
            }
        };
    }

    private FlowStep outcome(FlowDefinition def, FlowState state, Object result, CallDefinition call, LocalDateTime now) {
        Scope scope = scope(def, state, Map.of("result", result == null ? Map.of() : result));
        for (Outcome o : def.outcomes()) {
            if (o.when() == null || o.when().test(scope)) return apply(def, state, o, result, scope, now);
        }
        log.warn("flow {}: no outcome matched the business answer; using on-error", def.id());
        Outcome fallback = call != null ? call.onError()
                : new Outcome("business_error", null, Template.literal("抱歉，暂时无法办理，请稍后再试，或回复“转人工”。"), null, true);
        return apply(def, state, fallback, Map.of("error", "no outcome matched"), null, now);
    }

    private FlowStep apply(FlowDefinition def, FlowState state, Outcome o, Object result, Scope scope, LocalDateTime now) {
        Scope s = scope != null ? scope : scope(def, state, Map.of());
        String text = o.reply().render(s);
        Map<String, Object> resultMap = result instanceof Map<?, ?> m ? stringKeys(m) : result == null ? Map.of() : Map.of("items", result);
        if (o.askAgain() != null) {
            SlotDefinition slot = def.slot(o.askAgain()).orElseThrow();
            String step = FlowState.slotStep(slot.name());
            FlowState again = state.withSlot(slot.name(), null).failedAt(step);
            if (again.failuresAt(step) >= slot.maxFailures()) {
                log.info("flow {} gave up: the business system rejected slot {} {} times", def.id(), slot.name(), slot.maxFailures());
                FlowStep up = giveUp(def, again, slot.label());
                return new FlowStep(Kind.GIVE_UP, join(text, up.text()), up.buttons(), null, "flow_failures", resultMap, again.slots());
            }
            return ask(def, again, slot, text, Kind.REPROMPT);
        }
        if (o.giveUp()) {
            log.info("flow {} gave up on the business answer ({})", def.id(), o.name());
            return ended(Kind.GIVE_UP, text, HUMAN_BUTTON, "business_error", resultMap, state);
        }
        log.info("flow {} done: {}", def.id(), o.name());
        return ended(Kind.DONE, text, List.of(), o.name(), resultMap, state);
    }

    private BusinessRequest request(FlowDefinition def, CallDefinition call, FlowState state) throws RuntimeException {
        Scope scope = scope(def, state, Map.of());
        URI uri = URI.create(call.url().render(scope, FlowEngine::urlEscape));
        Map<String, String> headers = new LinkedHashMap<>();
        call.headers().forEach((k, v) -> headers.put(k, v.render(scope)));
        String body = null;
        if (call.body() instanceof Template t) {
            body = t.render(scope, s -> new String(JsonStringEncoder.getInstance().quoteAsString(s)));
        } else if (call.body() != null) {
            try {
                body = JSON.writeValueAsString(renderBody(call.body(), scope));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("body not serialisable", e);
            }
        }
        return new BusinessRequest(call.method(), uri, headers, body, call.timeout());
    }

    private static Object renderBody(Object node, Scope scope) {
        if (node instanceof Template t) return t.render(scope);
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, renderBody(v, scope)));
            return out;
        }
        if (node instanceof List<?> l) return l.stream().map(v -> renderBody(v, scope)).toList();
        return node;
    }

    private static String urlEscape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Slots of non-text types found in a message that answered something else, for slots still empty. */
    private Map<String, String> prefill(FlowDefinition def, Utterance u, SlotDefinition except, FlowState state) {
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
    private static Map<String, String> describedInFirstMessage(FlowDefinition def, Utterance u, FlowState state) {
        for (SlotDefinition s : def.slots()) {
            if (!s.prefill() || !s.accepts(org.openhotline.bot.flow.definition.SlotType.TEXT) || state.slots().containsKey(s.name())) continue;
            String rest = u.original;
            String lower = rest.toLowerCase(java.util.Locale.ROOT);
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

    private Scope scope(FlowDefinition def, FlowState state, Map<String, Object> extra) {
        Map<String, Object> roots = new HashMap<>(extra);
        roots.put("slots", state.slots());
        roots.put("flow", Map.of("id", def.id(), "title", def.title()));
        return new Scope(roots, vars, maskOperator());
    }

    private UnaryOperator<String> maskOperator() {
        return s -> masker.mask(s, LocalDateTime.now());
    }

    private String render(Template t, FlowDefinition def, FlowState state, Map<String, Object> extra) {
        return t.render(scope(def, state, extra));
    }

    private static String label(FlowDefinition def, FlowState state) {
        String slot = state.askedSlot();
        return slot == null ? "信息" : def.slot(slot).map(SlotDefinition::label).orElse("信息");
    }

    private static String labels(FlowDefinition def, java.util.Collection<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) def.slot(n).ifPresent(s -> out.add(s.label()));
        return String.join("、", out);
    }

    private static List<String> withHuman(List<String> buttons) {
        if (buttons.contains("转人工")) return buttons;
        List<String> out = new ArrayList<>(buttons);
        out.add("转人工");
        return out;
    }

    private static FlowStep ended(Kind kind, String text, List<String> buttons, String reason, Map<String, Object> result, FlowState last) {
        return new FlowStep(kind, text, buttons, null, reason, result, last.slots());
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) return b;
        if (b == null || b.isBlank()) return a;
        return a.strip() + "\n" + b.strip();
    }
}
