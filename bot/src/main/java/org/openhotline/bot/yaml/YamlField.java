package org.openhotline.bot.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One node of a hand-written YAML file (a task flow, an IVR) with its place ({@code slots[1].type}), so every
 * complaint names the file and the field. Reading is strict: unknown keys and wrong kinds of value are errors, not
 * ignored. Each file kind supplies its own exception; the flow and IVR readers had each kept a copy of this class.
 */
public final class YamlField {
    private final String source;
    private final String path;
    private final JsonNode node;
    private final Function<String, ? extends RuntimeException> errors;

    private YamlField(String source, String path, JsonNode node, Function<String, ? extends RuntimeException> errors) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.errors = errors;
    }

    /** The whole file {@code source} (its name, for messages); {@code errors} makes the exception from a full message. */
    public static YamlField root(String source, JsonNode node, Function<String, ? extends RuntimeException> errors) {
        return new YamlField(source, "", node, errors);
    }

    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    /** "file: path: message", as the file kind's exception. */
    public RuntimeException error(String message) {
        return errors.apply(source + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    public boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** A single value (text, number, true/false), not a mapping or list. */
    public boolean isText() {
        return present() && node.isValueNode();
    }

    public YamlField get(String key) {
        if (present() && !node.isObject()) throw error("must be a mapping of keys to values");
        return child(path.isEmpty() ? key : path + "." + key, present() ? node.get(key) : null);
    }

    /** Rejects keys outside {@code allowed}: a misspelt key would otherwise be silently ignored. */
    public YamlField onlyKeys(String... allowed) {
        return onlyKeys(Set.copyOf(Arrays.asList(allowed)));
    }

    public YamlField onlyKeys(Set<String> allowed) {
        if (!present()) return this;
        if (!node.isObject()) throw error("must be a mapping of keys to values");
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!allowed.contains(n)) throw error("unknown field '" + n + "' (expected one of: " + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
        return this;
    }

    /** A required, non-blank single value, stripped. */
    public String text() {
        if (!present()) throw error("is required");
        if (!node.isValueNode()) throw error("must be a text, not a " + kind());
        String s = node.asText();
        if (s.isBlank()) throw error("must not be empty");
        return s.strip();
    }

    public String text(String otherwise) {
        return present() ? text() : otherwise;
    }

    /** A whole number in [min, max] (a number, or a text of digits); {@code otherwise} when absent. */
    public int integer(int otherwise, int min, int max) {
        if (!present()) return otherwise;
        boolean digits = node.isTextual() && node.asText().strip().matches("-?\\d{1,9}");
        if (!node.isIntegralNumber() && !digits || node.isIntegralNumber() && !node.canConvertToInt()) throw error("must be a whole number, not " + describe());
        int v = digits ? Integer.parseInt(node.asText().strip()) : node.asInt();
        if (v < min || v > max) throw error("must be between " + min + " and " + max + ", not " + v);
        return v;
    }

    public boolean bool(boolean otherwise) {
        if (!present()) return otherwise;
        if (!node.isBoolean()) throw error("must be true or false, not " + describe());
        return node.asBoolean();
    }

    /** A list of texts; a single text is a list of one. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        if (!present()) return out;
        if (node.isValueNode()) {
            out.add(text());
            return out;
        }
        for (YamlField item : items()) out.add(item.text());
        return out;
    }

    public List<YamlField> items() {
        List<YamlField> out = new ArrayList<>();
        if (!present()) return out;
        if (!node.isArray()) throw error("must be a list (- item), not a " + kind());
        for (int i = 0; i < node.size(); i++) out.add(child(path + "[" + i + "]", node.get(i)));
        return out;
    }

    public List<String> keys() {
        List<String> out = new ArrayList<>();
        if (!present()) return out;
        if (!node.isObject()) throw error("must be a mapping of keys to values, not a " + kind());
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The mapping's values by key, in file order. */
    public Map<String, YamlField> entries() {
        Map<String, YamlField> out = new LinkedHashMap<>();
        for (String k : keys()) out.put(k, get(k));
        return out;
    }

    private YamlField child(String childPath, JsonNode child) {
        return new YamlField(source, childPath, child, errors);
    }

    private String kind() {
        if (node.isObject()) return "mapping";
        if (node.isArray()) return "list";
        if (node.isNumber()) return "number";
        if (node.isBoolean()) return "true/false";
        return "text";
    }

    private String describe() {
        return node.isValueNode() ? "'" + node.asText() + "'" : "a " + kind();
    }
}
