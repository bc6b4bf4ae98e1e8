package org.openhotline.kb.lexicon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dictionary entries as JSON, one shape per kind, shared by the admin API and the stored snapshots:
 * word {@code {"word","nature"}}, synonym {@code {"canonical","variants"}}, stopword {@code {"word"}},
 * typo {@code {"wrong","right"}}, place {@code {"name","type","parent","aliases"}}.
 */
public final class DictionaryCodec {
    private static final int FORMAT = 1;
    private static final Map<DictionaryKind, List<String>> FIELDS = new EnumMap<>(Map.of(
            DictionaryKind.WORD, List.of("word", "nature"),
            DictionaryKind.SYNONYM, List.of("canonical", "variants"),
            DictionaryKind.STOPWORD, List.of("word"),
            DictionaryKind.TYPO, List.of("wrong", "right"),
            DictionaryKind.PLACE, List.of("name", "type", "parent", "aliases")));

    private final ObjectMapper json = new ObjectMapper();

    /** The fields an entry of {@code kind} has, in the order they are written. */
    public static List<String> fields(DictionaryKind kind) {
        return FIELDS.get(kind);
    }

    /** An entry as the admin API shows it: its id, then every field of its kind (nature null when none). */
    public Map<String, Object> toJson(DictionaryEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.putAll(fieldsOf(e));
        return m;
    }

    private static Map<String, Object> fieldsOf(DictionaryEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (e.kind()) {
            case WORD -> {
                m.put("word", e.term());
                m.put("nature", e.detail());
            }
            case SYNONYM -> {
                m.put("canonical", e.term());
                m.put("variants", e.variants());
            }
            case STOPWORD -> m.put("word", e.term());
            case TYPO -> {
                m.put("wrong", e.term());
                m.put("right", e.detail());
            }
            case PLACE -> {
                m.put("name", e.term());
                m.put("type", e.detail());
                m.put("parent", e.parent());
                m.put("aliases", e.variants());
            }
        }
        return m;
    }

    /**
     * An entry an editor sent, checked strictly: a field its kind does not have, a value of the wrong JSON
     * type or a bad word is an {@link InvalidDictionaryEntry} naming the field.
     */
    public DictionaryEntry fromJson(DictionaryKind kind, JsonNode body) {
        if (body == null || !body.isObject()) throw new InvalidDictionaryEntry("", "not_an_object", "the request body must be a JSON object");
        List<String> allowed = FIELDS.get(kind);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new InvalidDictionaryEntry(f, "unknown_field", "unknown field '" + abbreviate(f) + "' for a " + kind.wireName() + "; allowed: " + String.join(", ", allowed));
            }
        }
        return switch (kind) {
            case WORD -> DictionaryEntry.word(text(body, "word"), text(body, "nature"));
            case SYNONYM -> DictionaryEntry.synonym(text(body, "canonical"), list(body, "variants"));
            case STOPWORD -> DictionaryEntry.stopword(text(body, "word"));
            case TYPO -> DictionaryEntry.typo(text(body, "wrong"), text(body, "right"));
            case PLACE -> DictionaryEntry.place(text(body, "type"), text(body, "name"), text(body, "parent"), list(body, "aliases"));
        };
    }

    /** Null when absent or JSON null; the factories then say whether the field was required. */
    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new InvalidDictionaryEntry(field, "bad_" + field, "field '" + field + "' must be a string");
        return n.asText();
    }

    private static List<String> list(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isArray()) throw new InvalidDictionaryEntry(field, "bad_" + field, "field '" + field + "' must be an array of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isTextual()) throw new InvalidDictionaryEntry(field, "bad_" + field, "field '" + field + "' must be an array of strings");
            out.add(v.asText());
        }
        return out;
    }

    /** A whole working set as one JSON text, kinds and entries in a fixed order, so equal sets give equal text. */
    public String encodeSnapshot(List<DictionaryEntry> entries) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        for (DictionaryKind k : DictionaryKind.values()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DictionaryEntry e : entries) if (e.kind() == k) rows.add(fieldsOf(e));
            root.put(k.wireName(), rows);
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dictionary entries cannot be written as JSON", e);
        }
    }

    /** The entries of a snapshot written by {@link #encodeSnapshot}, as they were stored (not re-checked). */
    public List<DictionaryEntry> decodeSnapshot(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a dictionary snapshot is not valid JSON", e);
        }
        if (root == null || root.path("format").asInt() != FORMAT) throw new IllegalArgumentException("unknown dictionary snapshot format");
        List<DictionaryEntry> out = new ArrayList<>();
        for (DictionaryKind k : DictionaryKind.values()) {
            for (JsonNode n : root.path(k.wireName())) {
                out.add(switch (k) {
                    case WORD -> DictionaryEntries.raw(k, n.path("word").asText(), nullable(n, "nature"), "", List.of());
                    case SYNONYM -> DictionaryEntries.raw(k, n.path("canonical").asText(), null, "", strings(n, "variants"));
                    case STOPWORD -> DictionaryEntries.raw(k, n.path("word").asText(), null, "", List.of());
                    case TYPO -> DictionaryEntries.raw(k, n.path("wrong").asText(), n.path("right").asText(), "", List.of());
                    case PLACE -> DictionaryEntries.raw(k, n.path("name").asText(), n.path("type").asText(), n.path("parent").asText(""), strings(n, "aliases"));
                });
            }
        }
        return out;
    }

    /** The content address of a working set: SHA-256 of its snapshot text, in hex. */
    public String hash(List<DictionaryEntry> entries) {
        return hashOf(encodeSnapshot(entries));
    }

    static String hashOf(String snapshot) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullable(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n.path(field)) out.add(v.asText());
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
