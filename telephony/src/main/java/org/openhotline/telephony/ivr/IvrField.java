package org.openhotline.telephony.ivr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One value of an IVR file with its path ({@code nodes.main.choices.1}), read strictly: unknown keys are errors. */
final class IvrField {
    private final String source;
    private final String path;
    private final JsonNode node;

    IvrField(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    String path() { return path; }

    IvrDefinitionException error(String message) {
        return new IvrDefinitionException(source + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    boolean isText() {
        return present() && node.isValueNode();
    }

    IvrField get(String key) {
        if (present() && !node.isObject()) throw error("must be a mapping of keys to values");
        return new IvrField(source, path.isEmpty() ? key : path + "." + key, present() ? node.get(key) : null);
    }

    IvrField onlyKeys(Set<String> allowed) {
        if (!present()) return this;
        if (!node.isObject()) throw error("must be a mapping of keys to values");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) throw get(k).error("unknown key; known here: " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return this;
    }

    Map<String, IvrField> entries() {
        Map<String, IvrField> m = new LinkedHashMap<>();
        if (!present()) return m;
        if (!node.isObject()) throw error("must be a mapping of keys to values");
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            m.put(e.getKey(), new IvrField(source, path + "." + e.getKey(), e.getValue()));
        }
        return m;
    }

    List<IvrField> items() {
        List<IvrField> l = new ArrayList<>();
        if (!present()) return l;
        if (!node.isArray()) throw error("must be a list (- item)");
        for (int i = 0; i < node.size(); i++) l.add(new IvrField(source, path + "[" + i + "]", node.get(i)));
        return l;
    }

    String text() {
        if (!isText() || node.asText().isBlank()) throw error("is required (a single value)");
        return node.asText().strip();
    }

    String text(String fallback) {
        return present() ? text() : fallback;
    }

    int integer(int fallback, int min, int max) {
        if (!present()) return fallback;
        if (!node.canConvertToInt() || !node.isNumber() && !node.asText().matches("-?\\d+")) throw error("must be a whole number");
        int v = node.isNumber() ? node.asInt() : Integer.parseInt(node.asText());
        if (v < min || v > max) throw error("must be between " + min + " and " + max);
        return v;
    }
}
