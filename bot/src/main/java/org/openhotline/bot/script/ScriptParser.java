package org.openhotline.bot.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads conversation scripts (YAML). Strict: an unknown key or a malformed value is an error naming the
 * file, the conversation and the key, because a typo in an expectation would otherwise pass silently.
 */
public final class ScriptParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FILE_KEYS = Set.of("defaults", "conversations");
    private static final Set<String> CONV_KEYS = Set.of("name", "channel", "clock", "zone", "config", "business", "turns");
    private static final Set<String> TURN_KEYS = Set.of("user", "advance", "rate", "restart", "sweep", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("type", "act", "entry", "contains", "not-contains", "transfer", "flow",
            "slots", "buttons", "reason");
    private static final String DEFAULT_CLOCK = "2026-03-02T10:00:00+08:00"; // a Monday morning: service hours are open

    public List<ConversationScript> parse(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ScriptException(file + ": not readable YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return parse(root, file.getFileName().toString());
    }

    public List<ConversationScript> parse(JsonNode root, String file) {
        if (root == null || !root.isObject()) throw new ScriptException(file + ": expected a mapping with 'conversations'");
        keys(root, FILE_KEYS, file);
        JsonNode defaults = root.path("defaults");
        JsonNode convs = root.get("conversations");
        if (convs == null || !convs.isArray() || convs.isEmpty()) throw new ScriptException(file + ": 'conversations' must be a non-empty list");
        List<ConversationScript> out = new ArrayList<>();
        int n = 0;
        for (JsonNode c : convs) {
            n++;
            String where = file + ", conversation " + n;
            if (!c.isObject()) throw new ScriptException(where + ": must be a mapping");
            keys(c, CONV_KEYS, where);
            String name = text(c, "name", where);
            if (name == null) throw new ScriptException(where + ": 'name' is required");
            where = file + ", conversation '" + name + "'";
            String clock = first(text(c, "clock", where), text(defaults, "clock", where), DEFAULT_CLOCK);
            String zone = first(text(c, "zone", where), text(defaults, "zone", where), "Asia/Shanghai");
            Instant start;
            ZoneId zoneId;
            try {
                start = OffsetDateTime.parse(clock).toInstant();
                zoneId = ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw new ScriptException(where + ": bad clock or zone '" + clock + "' / '" + zone + "' (use 2026-03-02T10:00:00+08:00)");
            }
            Map<String, String> config = merged(defaults.path("config"), c.path("config"), where + ", config");
            Map<String, String> business = merged(defaults.path("business"), c.path("business"), where + ", business");
            String channel = first(text(c, "channel", where), text(defaults, "channel", where), "web");
            JsonNode turns = c.get("turns");
            if (turns == null || !turns.isArray() || turns.isEmpty()) throw new ScriptException(where + ": 'turns' must be a non-empty list");
            List<ScriptStep> steps = new ArrayList<>();
            int i = 0;
            for (JsonNode t : turns) steps.add(step(t, ++i, where));
            out.add(new ConversationScript(name, file, channel, start, zoneId, config, business, steps));
        }
        return out;
    }

    private ScriptStep step(JsonNode t, int index, String where) {
        String at = where + ", turn " + index;
        if (!t.isObject()) throw new ScriptException(at + ": must be a mapping (user: …, expect: …)");
        keys(t, TURN_KEYS, at);
        String user = text(t, "user", at);
        Duration advance = t.has("advance") ? duration(text(t, "advance", at), at) : null;
        Boolean helpful = null;
        if (t.has("rate")) {
            String r = text(t, "rate", at);
            if (!"helpful".equals(r) && !"unhelpful".equals(r)) throw new ScriptException(at + ": 'rate' is helpful or unhelpful");
            helpful = "helpful".equals(r);
        }
        boolean restart = t.path("restart").asBoolean(false);
        boolean sweep = t.path("sweep").asBoolean(false);
        int actions = (user != null ? 1 : 0) + (advance != null ? 1 : 0) + (helpful != null ? 1 : 0) + (restart ? 1 : 0) + (sweep ? 1 : 0);
        if (actions != 1) throw new ScriptException(at + ": give exactly one of user, advance, rate, restart, sweep");
        JsonNode e = t.get("expect");
        Expectation expect = e == null ? null : expectation(e, at);
        if (expect != null && (advance != null || restart)) throw new ScriptException(at + ": 'expect' goes with user, rate or sweep");
        return new ScriptStep(index, user, advance, helpful, restart, sweep, expect);
    }

    private Expectation expectation(JsonNode e, String at) {
        if (!e.isObject()) throw new ScriptException(at + ": 'expect' must be a mapping");
        keys(e, EXPECT_KEYS, at + ", expect");
        Map<String, String> slots = merged(e.path("slots"), null, at + ", slots");
        return new Expectation(text(e, "type", at), text(e, "act", at), text(e, "entry", at), list(e, "contains", at),
                list(e, "not-contains", at), text(e, "transfer", at), text(e, "flow", at), slots, list(e, "buttons", at), text(e, "reason", at));
    }

    static Duration duration(String s, String at) {
        try {
            String v = s.strip().toLowerCase();
            if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new ScriptException(at + ": bad duration '" + s + "' (use 90s, 31m, 14h, 2d)");
        }
    }

    private static void keys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) throw new ScriptException(where + ": unknown key '" + k + "'; allowed: " + new java.util.TreeSet<>(allowed));
        }
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (!v.isValueNode()) throw new ScriptException(where + ": '" + key + "' must be a single value");
        return v.asText();
    }

    private static List<String> list(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return List.of();
        if (v.isValueNode()) return List.of(v.asText());
        if (!v.isArray()) throw new ScriptException(where + ": '" + key + "' must be a text or a list");
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Map<String, String> merged(JsonNode base, JsonNode over, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode n : new JsonNode[] {base, over}) {
            if (n == null || n.isMissingNode() || n.isNull()) continue;
            if (!n.isObject()) throw new ScriptException(where + ": must be a mapping");
            n.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().isArray() ? join(f.getValue()) : f.getValue().asText()));
        }
        return out;
    }

    private static String join(JsonNode arr) {
        List<String> parts = new ArrayList<>();
        arr.forEach(x -> parts.add(x.asText()));
        return String.join(",", parts);
    }

    private static String first(String... xs) {
        for (String x : xs) if (x != null) return x;
        return null;
    }
}
