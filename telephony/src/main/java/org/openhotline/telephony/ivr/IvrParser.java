package org.openhotline.telephony.ivr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openhotline.bot.flow.template.Condition;
import org.openhotline.bot.flow.template.Template;
import org.openhotline.bot.flow.template.TemplateException;
import org.openhotline.bot.yaml.YamlField;
import org.openhotline.voice.tts.SpeechSynthesizer;

/**
 * Reads an IVR file (see the sample {@code ivr/sample-12345.yml}) and checks it whole before a call can reach
 * it: every {@code next} names a node, a menu's keys are keypad keys, no path goes deeper than five menus.
 */
public final class IvrParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("name", "language", "hours-group", "schedule", "texts", "nodes");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "menu", Set.of("type", "prompt", "choices", "timeout-seconds", "retries", "fallback"),
            "say", Set.of("type", "prompt", "next"),
            "input", Set.of("type", "prompt", "variable", "min-digits", "max-digits", "timeout-seconds", "retries", "next", "fallback"),
            "api", Set.of("type", "method", "url", "body", "timeout-ms", "branches", "next", "on-error"),
            "transfer", Set.of("type", "group", "prompt", "next", "after"),
            "bot", Set.of("type", "prompt", "group", "next"),
            "voicemail", Set.of("type", "prompt", "max-seconds", "thanks", "next"),
            "survey", Set.of("type", "prompt", "timeout-seconds", "thanks", "next"),
            "hangup", Set.of("type", "prompt"));

    private IvrParser() {}

    public static IvrDefinition read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IvrDefinitionException("cannot read IVR file " + file + ": " + e.getMessage(), e);
        }
    }

    public static IvrDefinition read(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new IvrDefinitionException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        YamlField f = YamlField.root(source, root, IvrDefinitionException::new).onlyKeys(TOP);
        String lang = f.get("language").text("zh");
        Locale language = switch (lang) {
            case "zh" -> SpeechSynthesizer.MANDARIN;
            case "en" -> SpeechSynthesizer.ENGLISH;
            default -> throw f.get("language").error("must be zh or en");
        };
        YamlField texts = f.get("texts").onlyKeys(Set.of("invalid", "no-input", "goodbye"));
        Map<String, IvrNode> nodes = new LinkedHashMap<>();
        for (var e : f.get("nodes").entries().entrySet()) nodes.put(e.getKey(), node(e.getKey(), e.getValue()));
        if (nodes.isEmpty()) throw f.get("nodes").error("an IVR needs at least one node");
        List<IvrDefinition.Route> schedule = new ArrayList<>();
        for (YamlField r : f.get("schedule").items()) {
            r.onlyKeys(Set.of("when", "node"));
            IvrDefinition.When when;
            try {
                when = IvrDefinition.When.fromKey(r.get("when").text());
            } catch (IllegalArgumentException bad) {
                throw r.get("when").error("must be one of special, holiday, makeup-workday, weekend, closed, open, always");
            }
            schedule.add(new IvrDefinition.Route(when, r.get("node").text()));
        }
        if (schedule.isEmpty()) schedule.add(new IvrDefinition.Route(IvrDefinition.When.ALWAYS, nodes.keySet().iterator().next()));
        IvrDefinition d = new IvrDefinition(f.get("name").text(source), language, f.get("hours-group").text("default"), List.copyOf(schedule),
                Map.copyOf(nodes),
                prompt(texts.get("invalid"), "您的输入有误。"), prompt(texts.get("no-input"), "没有收到您的选择。"),
                prompt(texts.get("goodbye"), "感谢您的来电，再见。"));
        check(d, f);
        return d;
    }

    private static IvrNode node(String id, YamlField n) {
        String type = n.get("type").text();
        Set<String> keys = KEYS.get(type);
        if (keys == null) throw n.get("type").error("unknown node type; known: " + String.join(", ", new java.util.TreeSet<>(KEYS.keySet())));
        n.onlyKeys(keys);
        return switch (type) {
            case "menu" -> menu(id, n);
            case "say" -> new IvrNode.Say(id, prompt(n.get("prompt"), null), n.get("next").text());
            case "input" -> new IvrNode.Input(id, prompt(n.get("prompt"), null), n.get("variable").text(),
                    n.get("min-digits").integer(1, 1, 30), n.get("max-digits").integer(18, 1, 30),
                    Duration.ofSeconds(n.get("timeout-seconds").integer(8, 1, 60)), n.get("retries").integer(2, 0, 9),
                    n.get("next").text(), n.get("fallback").text(null));
            case "api" -> api(id, n);
            case "transfer" -> new IvrNode.Transfer(id, n.get("group").text(), optionalPrompt(n.get("prompt")), n.get("next").text(null),
                    n.get("after").text(null));
            case "bot" -> new IvrNode.Bot(id, optionalPrompt(n.get("prompt")), n.get("group").text(null), n.get("next").text(null));
            case "voicemail" -> new IvrNode.Voicemail(id, prompt(n.get("prompt"), null), n.get("max-seconds").integer(60, 5, 600),
                    optionalPrompt(n.get("thanks")), n.get("next").text(null));
            case "survey" -> new IvrNode.Survey(id, prompt(n.get("prompt"), null), Duration.ofSeconds(n.get("timeout-seconds").integer(8, 1, 60)),
                    optionalPrompt(n.get("thanks")), n.get("next").text(null));
            case "hangup" -> new IvrNode.Hangup(id, optionalPrompt(n.get("prompt")));
            default -> throw new IllegalStateException(type);
        };
    }

    private static IvrNode.Menu menu(String id, YamlField n) {
        Map<Character, String> keys = new LinkedHashMap<>();
        Map<String, String> phrases = new LinkedHashMap<>();
        for (var e : n.get("choices").entries().entrySet()) {
            String key = e.getKey();
            if (key.length() != 1 || "0123456789*#".indexOf(key.charAt(0)) < 0) throw e.getValue().error("a choice is one keypad key: 0-9, * or #");
            YamlField c = e.getValue();
            if (c.isText()) {
                keys.put(key.charAt(0), c.text());
                continue;
            }
            c.onlyKeys(Set.of("next", "say"));
            String next = c.get("next").text();
            keys.put(key.charAt(0), next);
            for (YamlField p : c.get("say").items()) phrases.put(p.text().toLowerCase(Locale.ROOT), next);
        }
        if (keys.isEmpty()) throw n.get("choices").error("a menu needs at least one choice");
        return new IvrNode.Menu(id, prompt(n.get("prompt"), null), Map.copyOf(keys), Map.copyOf(phrases),
                Duration.ofSeconds(n.get("timeout-seconds").integer(6, 1, 60)), n.get("retries").integer(2, 0, 9), n.get("fallback").text(null));
    }

    private static IvrNode.Api api(String id, YamlField n) {
        String method = n.get("method").text("GET").toUpperCase(Locale.ROOT);
        if (!Set.of("GET", "POST").contains(method)) throw n.get("method").error("must be GET or POST");
        Map<String, Template> body = new LinkedHashMap<>();
        for (var e : n.get("body").entries().entrySet()) body.put(e.getKey(), template(e.getValue()));
        List<IvrNode.Api.Branch> branches = new ArrayList<>();
        for (YamlField b : n.get("branches").items()) {
            b.onlyKeys(Set.of("if", "say", "next"));
            Condition when;
            try {
                when = Condition.parse(b.get("if").text());
            } catch (TemplateException e) {
                throw b.get("if").error(e.getMessage());
            }
            branches.add(new IvrNode.Api.Branch(when, optionalPrompt(b.get("say")), b.get("next").text()));
        }
        YamlField err = n.get("on-error").onlyKeys(Set.of("say", "next"));
        return new IvrNode.Api(id, method, template(n.get("url")), Map.copyOf(body), Duration.ofMillis(n.get("timeout-ms").integer(3000, 100, 30000)),
                List.copyOf(branches), n.get("next").text(null), prompt(err.get("say"), "抱歉，系统暂时无法查询，请稍后再试。"), err.get("next").text(null));
    }

    private static Template template(YamlField f) {
        try {
            return Template.parse(f.text());
        } catch (TemplateException e) {
            throw f.error(e.getMessage());
        }
    }

    private static IvrPrompt optionalPrompt(YamlField f) {
        return f.present() ? prompt(f, null) : null;
    }

    /** "text", or {id: recording, text: "fallback text"}; {@code fallback} when absent (null = required). */
    private static IvrPrompt prompt(YamlField f, String fallback) {
        if (!f.present()) {
            if (fallback == null) throw f.error("a prompt is required (text, or {id: recording, text: ...})");
            return new IvrPrompt(null, Template.literal(fallback), fallback);
        }
        if (f.isText()) return new IvrPrompt(null, template(f), f.text());
        f.onlyKeys(Set.of("id", "text"));
        String id = f.get("id").text(null);
        if (id != null && !id.matches("[A-Za-z0-9_.-]{1,100}")) throw f.get("id").error("a recording id is letters, digits, '_', '-', '.'");
        YamlField text = f.get("text");
        if (id == null && !text.present()) throw f.error("a prompt needs an id or a text");
        return new IvrPrompt(id, text.present() ? template(text) : null, text.present() ? text.text() : id);
    }

    private static void check(IvrDefinition d, YamlField f) {
        for (IvrNode n : d.nodes().values()) {
            for (String next : targets(n)) if (!d.nodes().containsKey(next)) throw f.get("nodes").get(n.id()).error("goes to unknown node '" + next + "'");
        }
        for (var r : d.schedule()) if (!d.nodes().containsKey(r.node())) throw f.get("schedule").error("unknown node '" + r.node() + "'");
        for (var e : menuLevels(d).entrySet()) {
            if (e.getValue() > IvrDefinition.MAX_MENU_LEVELS)
                throw f.get("nodes").get(e.getKey()).error("menu level " + e.getValue() + ": at most " + IvrDefinition.MAX_MENU_LEVELS
                        + " levels of menus, callers get lost deeper");
        }
    }

    /**
     * Each menu's level: the fewest menus a caller passes through to hear it from an entry node (itself included).
     * Shortest paths, so a loop back up (* to return) or a shared "busy" menu does not deepen anything.
     */
    static Map<String, Integer> menuLevels(IvrDefinition d) {
        Map<String, Integer> best = new java.util.HashMap<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
        for (var r : d.schedule()) {
            int level = d.node(r.node()) instanceof IvrNode.Menu ? 1 : 0;
            if (best.merge(r.node(), level, Math::min) == level) queue.add(r.node());
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            int level = best.get(id);
            for (String next : targets(d.node(id))) {
                int l = level + (d.node(next) instanceof IvrNode.Menu ? 1 : 0);
                Integer old = best.get(next);
                if (old == null || l < old) {
                    best.put(next, l);
                    queue.add(next);
                }
            }
        }
        best.keySet().removeIf(id -> !(d.node(id) instanceof IvrNode.Menu));
        return best;
    }

    /** Every prompt of the IVR: the file's texts, then each node's. */
    static List<IvrPrompt> prompts(IvrDefinition d) {
        List<IvrPrompt> all = new ArrayList<>(List.of(d.invalid(), d.noInput(), d.goodbye()));
        for (IvrNode n : d.nodes().values()) {
            switch (n) {
                case IvrNode.Menu m -> all.add(m.prompt());
                case IvrNode.Say s -> all.add(s.prompt());
                case IvrNode.Input i -> all.add(i.prompt());
                case IvrNode.Api a -> { all.add(a.errorPrompt()); a.branches().forEach(b -> all.add(b.say())); }
                case IvrNode.Transfer t -> all.add(t.prompt());
                case IvrNode.Bot b -> all.add(b.prompt());
                case IvrNode.Voicemail v -> { all.add(v.prompt()); all.add(v.thanks()); }
                case IvrNode.Survey s -> { all.add(s.prompt()); all.add(s.thanks()); }
                case IvrNode.Hangup h -> all.add(h.prompt());
            }
        }
        all.removeIf(java.util.Objects::isNull);
        return all;
    }

    static List<String> targets(IvrNode n) {
        List<String> t = new ArrayList<>();
        switch (n) {
            case IvrNode.Menu m -> { t.addAll(m.keys().values()); add(t, m.fallback()); }
            case IvrNode.Say s -> add(t, s.next());
            case IvrNode.Input i -> { add(t, i.next()); add(t, i.fallback()); }
            case IvrNode.Api a -> { a.branches().forEach(b -> t.add(b.next())); add(t, a.next()); add(t, a.onError()); }
            case IvrNode.Transfer x -> { add(t, x.next()); add(t, x.after()); }
            case IvrNode.Bot b -> add(t, b.next());
            case IvrNode.Voicemail v -> add(t, v.next());
            case IvrNode.Survey s -> add(t, s.next());
            case IvrNode.Hangup h -> { }
        }
        return t;
    }

    private static void add(List<String> t, String s) {
        if (s != null) t.add(s);
    }
}
