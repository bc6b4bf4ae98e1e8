package org.openhotline.bot.flow;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.flow.FlowStep.Kind;
import org.openhotline.bot.flow.definition.CallDefinition;
import org.openhotline.bot.flow.definition.FlowDefinition;
import org.openhotline.bot.flow.definition.Outcome;
import org.openhotline.bot.flow.definition.SlotDefinition;
import org.openhotline.bot.flow.http.BusinessClient;
import org.openhotline.bot.flow.http.BusinessRequest;
import org.openhotline.bot.flow.http.BusinessResponse;
import org.openhotline.bot.flow.template.Scope;
import org.openhotline.bot.flow.template.Template;

/**
 * The end of a flow: the one business call with the collected slots, and the outcome its answer selects
 * (a reply, a slot the business system rejected asked again, or a person offered).
 */
final class BusinessStep {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BusinessStep.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BusinessClient client;
    private final FlowReplies replies;

    BusinessStep(BusinessClient client, FlowReplies replies) {
        this.client = client;
        this.replies = replies;
    }

    FlowStep call(FlowDefinition def, FlowState state) {
        CallDefinition call = def.call();
        if (call == null) return outcome(def, state, Map.of(), null);
        BusinessRequest request;
        try {
            request = request(call, replies.scope(def, state, Map.of()));
        } catch (RuntimeException e) {
            log.warn("flow {}: cannot build the request to {}: {}", def.id(), call.url(), e.toString());
            return apply(def, state, call.onError(), Map.of("error", "bad request"), null);
        }
        long t0 = System.nanoTime();
        BusinessResponse response = client.send(request);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return switch (response.outcome()) {
            case TIMEOUT -> {
                log.warn("flow {}: {} {} timed out after {} ms ({})", def.id(), call.method(), call.url(), ms, response.detail());
                yield apply(def, state, call.onTimeout(), Map.of("error", "timeout"), null);
            }
            case ERROR -> {
                log.warn("flow {}: {} {} failed after {} ms: {}", def.id(), call.method(), call.url(), ms, response.detail());
                yield apply(def, state, call.onError(), Map.of("error", response.detail()), null);
            }
            case OK -> {
                log.info("flow {}: {} {} answered {} in {} ms", def.id(), call.method(), call.url(), response.status(), ms);
                yield outcome(def, state, response.body(), call);
            }
        };
    }

    private FlowStep outcome(FlowDefinition def, FlowState state, Object result, CallDefinition call) {
        Scope scope = replies.scope(def, state, Map.of("result", result == null ? Map.of() : result));
        for (Outcome o : def.outcomes()) {
            if (o.when() == null || o.when().test(scope)) return apply(def, state, o, result, scope);
        }
        log.warn("flow {}: no outcome matched the business answer; using on-error", def.id());
        Outcome fallback = call != null ? call.onError()
                : new Outcome("business_error", null, Template.literal("抱歉，暂时无法办理，请稍后再试，或回复“转人工”。"), null, true);
        return apply(def, state, fallback, Map.of("error", "no outcome matched"), null);
    }

    private FlowStep apply(FlowDefinition def, FlowState state, Outcome o, Object result, Scope scope) {
        Scope s = scope != null ? scope : replies.scope(def, state, Map.of());
        String text = o.reply().render(s);
        Map<String, Object> resultMap = result instanceof Map<?, ?> m ? stringKeys(m) : result == null ? Map.of() : Map.of("items", result);
        if (o.askAgain() != null) {
            SlotDefinition slot = def.slot(o.askAgain()).orElseThrow();
            String step = FlowState.slotStep(slot.name());
            FlowState again = state.withSlot(slot.name(), null).failedAt(step);
            if (again.failuresAt(step) >= slot.maxFailures()) {
                log.info("flow {} gave up: the business system rejected slot {} {} times", def.id(), slot.name(), slot.maxFailures());
                FlowStep up = replies.giveUp(def, again, slot.label());
                return new FlowStep(Kind.GIVE_UP, FlowReplies.join(text, up.text()), up.buttons(), null, "flow_failures", resultMap, again.slots());
            }
            return replies.ask(def, again, slot, text, Kind.REPROMPT);
        }
        if (o.giveUp()) {
            log.info("flow {} gave up on the business answer ({})", def.id(), o.name());
            return FlowReplies.ended(Kind.GIVE_UP, text, FlowReplies.HUMAN_BUTTON, "business_error", resultMap, state);
        }
        log.info("flow {} done: {}", def.id(), o.name());
        return FlowReplies.ended(Kind.DONE, text, List.of(), o.name(), resultMap, state);
    }

    private static BusinessRequest request(CallDefinition call, Scope scope) {
        URI uri = URI.create(call.url().render(scope, BusinessStep::urlEscape));
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

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
