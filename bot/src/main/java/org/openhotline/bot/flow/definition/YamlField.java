package org.openhotline.bot.flow.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openhotline.bot.flow.template.Template;
import org.openhotline.bot.flow.template.TemplateException;

/**
 * One node of a flow file with its place ({@code slots[1].type}), so every complaint about the file names the
 * file and the field. Reading is strict: unknown keys and wrong kinds of value are errors, not ignored.
 */
final class YamlField {
    private final String source;
    private final String path;
    private final JsonNode node;

    YamlField(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    JsonNode node() {
        return node;
    }

    FlowDefinitionException error(String message) {
        return new FlowDefinitionException(source + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    YamlField get(String key) {
        if (present() && !node.isObject()) throw error("must be a mapping of keys to values");
        return new YamlField(source, path.isEmpty() ? key : path + "." + key, present() ? node.get(key) : null);
    }

    /** Rejects keys outside {@code allowed}: a misspelt key would otherwise be silently ignored. */
    YamlField onlyKeys(String... allowed) {
        if (!present()) return this;
        if (!node.isObject()) throw error("must be a mapping of keys to values");
        Set<String> ok = Set.of(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!ok.contains(n)) throw error("unknown field '" + n + "' (expected one of: " + String.join(", ", new TreeSet<>(ok)) + ")");
        }
        return this;
    }

    String text() {
        if (!present()) throw error("is required");
        if (!node.isValueNode()) throw error("must be a text, not a " + kind());
        String s = node.asText();
        if (s.isBlank()) throw error("must not be empty");
        return s;
    }

    String text(String otherwise) {
        return present() ? text() : otherwise;
    }

    Template template() {
        String s = text();
        try {
            return Template.parse(s);
        } catch (TemplateException e) {
            throw error(e.getMessage());
        }
    }

    Template template(Template otherwise) {
        return present() ? template() : otherwise;
    }

    int integer(int otherwise, int min, int max) {
        if (!present()) return otherwise;
        if (!node.isIntegralNumber()) throw error("must be a whole number, not " + describe());
        int v = node.asInt();
        if (v < min || v > max) throw error("must be between " + min + " and " + max + ", not " + v);
        return v;
    }

    boolean bool(boolean otherwise) {
        if (!present()) return otherwise;
        if (!node.isBoolean()) throw error("must be true or false, not " + describe());
        return node.asBoolean();
    }

    /** A list of texts; a single text is a list of one. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        if (!present()) return out;
        if (node.isValueNode()) {
            out.add(text());
            return out;
        }
        for (YamlField item : items()) out.add(item.text());
        return out;
    }

    List<YamlField> items() {
        List<YamlField> out = new ArrayList<>();
        if (!present()) return out;
        if (!node.isArray()) throw error("must be a list, not a " + kind());
        for (int i = 0; i < node.size(); i++) out.add(new YamlField(source, path + "[" + i + "]", node.get(i)));
        return out;
    }

    List<String> keys() {
        List<String> out = new ArrayList<>();
        if (!present()) return out;
        if (!node.isObject()) throw error("must be a mapping of keys to values, not a " + kind());
        node.fieldNames().forEachRemaining(out::add);
        return out;
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
