package org.openhotline.bot.hours;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into maps, lists and strings that remember their line, so that a mistake in a
 * bureau-written file is reported as "file line N: what is wrong", not as a stack trace.
 *
 * @param value   a {@code Map<String, LocatedYaml>}, a {@code List<LocatedYaml>}, a String, or null
 * @param keyLine the line of the key this value belongs to (where "unknown key" points), else its own line
 */
record LocatedYaml(Object value, int line, int keyLine) {
    private static final YAMLFactory YAML = new YAMLFactory();

    /** HoursConfigException naming {@code name} and the line when the text is not YAML. */
    static LocatedYaml read(Reader in, String name) {
        try (JsonParser p = YAML.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) return new LocatedYaml(null, 1, 1);
            return node(p, t, -1);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new HoursConfigException(name + (line > 0 ? " line " + line : "") + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new HoursConfigException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    static LocatedYaml empty(int line) {
        return new LocatedYaml(null, line, line);
    }

    private static LocatedYaml node(JsonParser p, JsonToken t, int keyLine) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        int k = keyLine > 0 ? keyLine : line;
        switch (t) {
            case START_OBJECT -> {
                Map<String, LocatedYaml> m = new LinkedHashMap<>();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int at = p.currentTokenLocation().getLineNr();
                    m.put(key, node(p, p.nextToken(), at));
                }
                return new LocatedYaml(m, line, k);
            }
            case START_ARRAY -> {
                List<LocatedYaml> l = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) l.add(node(p, t, -1));
                return new LocatedYaml(l, line, k);
            }
            case VALUE_NULL -> {
                return new LocatedYaml(null, line, k);
            }
            default -> {
                return new LocatedYaml(p.getText(), line, k);
            }
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, LocatedYaml> map(String name, String what) {
        if (value instanceof Map<?, ?> m) return (Map<String, LocatedYaml>) m;
        throw error(name, what + " must be a mapping (key: value)");
    }

    /** A list; null (an empty key) counts as empty. */
    @SuppressWarnings("unchecked")
    List<LocatedYaml> list(String name, String what) {
        if (value == null) return List.of();
        if (value instanceof List<?> l) return (List<LocatedYaml>) l;
        throw error(name, what + " must be a list (- item)");
    }

    String text(String name, String what) {
        if (value instanceof String s && !s.isBlank()) return s.strip();
        throw error(name, what + " must be a single value");
    }

    HoursConfigException error(String name, String message) {
        return new HoursConfigException(name + " line " + line + ": " + message);
    }

    /** An error about the key itself (unknown, misspelt), pointing at the key's line. */
    HoursConfigException keyError(String name, String message) {
        return new HoursConfigException(name + " line " + keyLine + ": " + message);
    }
}
