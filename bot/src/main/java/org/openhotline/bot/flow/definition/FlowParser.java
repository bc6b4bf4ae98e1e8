package org.openhotline.bot.flow.definition;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openhotline.bot.flow.template.Condition;
import org.openhotline.bot.flow.template.Path;
import org.openhotline.bot.flow.template.Scope;
import org.openhotline.bot.flow.template.Template;
import org.openhotline.bot.flow.template.TemplateException;
import org.openhotline.bot.yaml.YamlField;

/**
 * Reads one flow file into a {@link FlowDefinition}, checking everything a citizen would otherwise meet as a
 * broken reply: YAML syntax (with line and column), unknown or misspelt keys, slot types, regular
 * expressions, template syntax, and every {@code ${…}} reference (a slot that does not exist, a variable
 * that was not given, {@code result} where there is no result yet). Errors name the file and the field.
 */
public final class FlowParser {
    static final int DEFAULT_MAX_FAILURES = 3;
    static final int DEFAULT_MAX_TURNS = 30;
    static final int DEFAULT_TIMEOUT_MS = 3000;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, String> vars;

    /** {@code vars}: the values of {@code ${business.base-url}} and the like, fixed for the engine's life. */
    public FlowParser(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    /** @param source the file name shown in errors; its base name is the flow id when the file has none */
    public FlowDefinition parse(String source, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new FlowDefinitionException(source + ": not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        }
        YamlField top = YamlField.root(source, root, FlowDefinitionException::new);
        if (!top.present() || !root.isObject()) throw top.error("the file must be a mapping with at least id, slots or call");
        return new Reader(source, top).read();
    }

    /** One file's reading, with the slot names known before any template is checked. */
    private final class Reader {
        private final String source;
        private final YamlField top;
        private final Set<String> slotRefs = new HashSet<>();

        Reader(String source, YamlField top) {
            this.source = source;
            this.top = top;
        }

        FlowDefinition read() {
            top.onlyKeys("id", "title", "triggers", "intro", "max-failures", "max-turns", "slots", "confirm", "call", "outcomes", "texts");
            String base = source.replaceAll(".*[/\\\\]", "").replaceAll("\\.ya?ml$", "");
            String id = top.get("id").text(base);
            if (!id.matches("[a-z0-9][a-z0-9_-]*")) throw top.get("id").error("must be lower-case letters, digits, '-' or '_', not '" + id + "'");
            String title = top.get("title").text(id);
            int maxFailures = top.get("max-failures").integer(DEFAULT_MAX_FAILURES, 1, 20);
            int maxTurns = top.get("max-turns").integer(DEFAULT_MAX_TURNS, 3, 200);
            List<YamlField> slotFields = top.get("slots").items();
            for (YamlField s : slotFields) {
                String name = s.get("name").text();
                if (!SLOT_NAME.matcher(name).matches()) throw s.get("name").error("must be lower-case letters, digits or '_' starting with a letter, not '" + name + "'");
                if (!slotRefs.add(name)) throw s.get("name").error("slot '" + name + "' is defined twice");
                if (s.get("type").texts().contains("address")) slotRefs.add(name + "_district");
            }
            Set<String> prompt = Set.of("slots", "flow");
            List<SlotDefinition> slots = new ArrayList<>();
            for (YamlField s : slotFields) slots.add(slot(s, maxFailures, prompt));
            ConfirmDefinition confirm = confirm(top.get("confirm"), prompt);
            CallDefinition call = call(top.get("call"));
            List<Outcome> outcomes = new ArrayList<>();
            for (YamlField o : top.get("outcomes").items()) outcomes.add(outcome(o, Set.of("slots", "flow", "result"), true));
            if (slots.isEmpty() && call == null) throw top.error("a flow needs slots to ask or a call to make");
            if (outcomes.isEmpty()) throw top.get("outcomes").error("is required: at least one reply for the end of the flow");
            return new FlowDefinition(id, title, source, triggers(top.get("triggers")), optionalTemplate(top.get("intro"), prompt),
                    slots, confirm, call, outcomes, texts(top.get("texts")), maxTurns);
        }

        private Triggers triggers(YamlField f) {
            f.onlyKeys("phrases", "all", "unless");
            List<List<String>> all = new ArrayList<>();
            for (YamlField g : f.get("all").items()) all.add(lower(g.texts()));
            Triggers t = new Triggers(lower(f.get("phrases").texts()), all, lower(f.get("unless").texts()));
            if (f.present() && t.phrases().isEmpty() && t.allOf().isEmpty()) throw f.error("needs phrases or all");
            return t;
        }

        private List<String> lower(List<String> words) {
            return words.stream().map(w -> w.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        }

        private SlotDefinition slot(YamlField s, int flowMaxFailures, Set<String> roots) {
            s.onlyKeys("name", "label", "aliases", "type", "prompt", "invalid", "pattern", "length", "min-length", "max-length",
                    "prefill", "upper-case", "skip-words", "skip-value", "max-failures", "buttons");
            String name = s.get("name").text();
            List<SlotType> types = new ArrayList<>();
            YamlField typeField = s.get("type");
            for (String t : typeField.texts()) {
                SlotType type = SlotType.fromWireName(t.strip());
                if (type == null) throw typeField.error("unknown slot type '" + t + "' (known: " + SlotType.known() + ")");
                types.add(type);
            }
            if (types.isEmpty()) throw typeField.error("is required (one of: " + SlotType.known() + ")");
            Pattern pattern = null;
            YamlField p = s.get("pattern");
            if (types.contains(SlotType.REGEX)) {
                try {
                    pattern = Pattern.compile(p.text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                } catch (PatternSyntaxException e) {
                    throw p.error("not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
                }
            } else if (p.present()) {
                throw p.error("only a slot of type regex has a pattern");
            }
            boolean entityOrPattern = types.stream().anyMatch(t -> t.entity() != null || t == SlotType.REGEX);
            int minLength = s.get("min-length").integer(2, 1, 1000);
            int maxLength = s.get("max-length").integer(500, minLength, 2000);
            return new SlotDefinition(name, s.get("label").text(name), s.get("aliases").texts(), types,
                    checked(s.get("prompt"), roots),
                    optionalTemplate(s.get("invalid"), Set.of("slots", "flow", "failed")),
                    pattern, s.get("length").integer(6, 3, 12), minLength, maxLength,
                    s.get("prefill").bool(entityOrPattern), s.get("upper-case").bool(false),
                    s.get("skip-words").texts(), s.get("skip-value").text("未提供"),
                    s.get("max-failures").integer(flowMaxFailures, 1, 20), s.get("buttons").texts());
        }

        private ConfirmDefinition confirm(YamlField f, Set<String> roots) {
            if (!f.present()) return null;
            f.onlyKeys("text", "buttons", "yes", "no", "ask-change", "hint");
            return new ConfirmDefinition(checked(f.get("text"), roots), f.get("buttons").texts(),
                    lower(f.get("yes").texts()), lower(f.get("no").texts()), optionalTemplate(f.get("ask-change"), roots),
                    f.get("hint").present() ? checked(f.get("hint"), roots) : Template.literal("请回复“确认”提交，或直接说出需要修改的内容。"));
        }

        private CallDefinition call(YamlField f) {
            if (!f.present()) return null;
            f.onlyKeys("method", "url", "headers", "body", "timeout-ms", "on-error", "on-timeout");
            Set<String> request = Set.of("slots", "flow");
            YamlField bodyField = f.get("body");
            Object body = bodyField.present() ? body(bodyField, request) : null;
            String method = f.get("method").text(body == null ? "GET" : "POST").toUpperCase(java.util.Locale.ROOT);
            if (!METHODS.contains(method)) throw f.get("method").error("must be one of " + METHODS + ", not '" + method + "'");
            Template url = checked(f.get("url"), request);
            checkUrl(f.get("url"), url);
            Map<String, Template> headers = new LinkedHashMap<>();
            YamlField h = f.get("headers");
            for (String k : h.keys()) headers.put(k, checked(h.get(k), request));
            Set<String> noResult = Set.of("slots", "flow");
            Outcome onError = f.get("on-error").present() ? outcome(f.get("on-error"), noResult, false)
                    : new Outcome("business_error", null, Template.literal("抱歉，业务系统暂时无法查询，请稍后再试，或回复“转人工”。"), null, true);
            Outcome onTimeout = f.get("on-timeout").present() ? outcome(f.get("on-timeout"), noResult, false) : onError;
            return new CallDefinition(method, url, headers, body,
                    Duration.ofMillis(f.get("timeout-ms").integer(DEFAULT_TIMEOUT_MS, 100, 60_000)), onError, onTimeout);
        }

        /** The URL with variables filled in and every slot as "0" must be an absolute http(s) URL. */
        private void checkUrl(YamlField f, Template url) {
            Map<String, String> sample = new HashMap<>();
            for (String s : slotRefs) sample.put(s, "0");
            String rendered = url.render(new Scope(Map.of("slots", sample, "flow", Map.of()), vars, null));
            try {
                java.net.URI u = java.net.URI.create(rendered);
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                    throw f.error("must give an absolute http(s) URL, but renders to '" + rendered + "'");
                }
            } catch (IllegalArgumentException e) {
                throw f.error("renders to '" + rendered + "', which is not a URL: " + e.getMessage());
            }
        }

        private Object body(YamlField f, Set<String> roots) {
            JsonNode n = f.node();
            if (n.isObject()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String k : f.keys()) m.put(k, body(f.get(k), roots));
                return m;
            }
            if (n.isArray()) {
                List<Object> l = new ArrayList<>();
                for (YamlField i : f.items()) l.add(body(i, roots));
                return l;
            }
            if (n.isTextual()) return checked(f, roots);
            if (n.isNull()) return null;
            return n.isNumber() ? n.numberValue() : n.asBoolean(); // numbers and booleans are sent as written
        }

        private Outcome outcome(YamlField f, Set<String> roots, boolean withWhen) {
            if (withWhen) f.onlyKeys("name", "when", "reply", "ask-again", "give-up");
            else f.onlyKeys("name", "reply", "ask-again", "give-up");
            Condition when = null;
            if (withWhen && f.get("when").present()) {
                try {
                    when = Condition.parse(f.get("when").text());
                } catch (TemplateException e) {
                    throw f.get("when").error(e.getMessage());
                }
                YamlField w = f.get("when");
                when.references(path -> checkReference(w, path, List.of(), roots));
            }
            String askAgain = f.get("ask-again").present() ? f.get("ask-again").text() : null;
            if (askAgain != null && !slotRefs.contains(askAgain)) throw f.get("ask-again").error("no slot named '" + askAgain + "'");
            boolean giveUp = f.get("give-up").bool(false);
            if (giveUp && askAgain != null) throw f.error("ask-again and give-up cannot both be set");
            String name = f.get("name").text(when == null ? (withWhen ? "done" : "business_error") : when.toString());
            return new Outcome(name, when, checked(f.get("reply"), roots), askAgain, giveUp);
        }

        private FlowTexts texts(YamlField f) {
            f.onlyKeys("cancelled", "give-up", "corrected", "noted", "back", "invalid", "which-to-change");
            FlowTexts d = FlowTexts.defaults();
            Set<String> base = Set.of("slots", "flow");
            return new FlowTexts(
                    f.get("cancelled").present() ? checked(f.get("cancelled"), base) : d.cancelled(),
                    f.get("give-up").present() ? checked(f.get("give-up"), Set.of("slots", "flow", "failed")) : d.giveUp(),
                    f.get("corrected").present() ? checked(f.get("corrected"), Set.of("slots", "flow", "changed")) : d.corrected(),
                    f.get("noted").present() ? checked(f.get("noted"), Set.of("slots", "flow", "changed")) : d.noted(),
                    f.get("back").present() ? checked(f.get("back"), base) : d.back(),
                    f.get("invalid").present() ? checked(f.get("invalid"), Set.of("slots", "flow", "failed")) : d.invalid(),
                    f.get("which-to-change").present() ? checked(f.get("which-to-change"), base) : d.whichToChange());
        }

        private Template optionalTemplate(YamlField f, Set<String> roots) {
            return f.present() ? checked(f, roots) : null;
        }

        private static Template template(YamlField f) {
            try {
                return Template.parse(f.text());
            } catch (TemplateException e) {
                throw f.error(e.getMessage());
            }
        }

        private Template checked(YamlField f, Set<String> roots) {
            Template t = template(f);
            t.references((path, locals) -> checkReference(f, path, locals, roots));
            return t;
        }

        private void checkReference(YamlField f, Path path, List<String> locals, Set<String> roots) {
            String root = path.root();
            if (locals.contains(root)) return;
            if (roots.contains(root)) {
                if (root.equals("slots")) {
                    String slot = path.second();
                    if (slot == null || !slotRefs.contains(slot)) {
                        throw f.error("${" + path + "} names no slot of this flow (slots: " + String.join(", ", new TreeSet<>(slotRefs)) + ")");
                    }
                }
                return;
            }
            String dotted = path.dotted();
            if (dotted != null && vars.containsKey(dotted)) return;
            String hint = root.equals("result") ? "there is no business result here"
                    : "it is not one of " + new TreeSet<>(roots) + ", a loop variable, or a variable given to the engine " + new TreeSet<>(vars.keySet());
            throw f.error("unknown reference ${" + path + "}: " + hint);
        }
    }
}
