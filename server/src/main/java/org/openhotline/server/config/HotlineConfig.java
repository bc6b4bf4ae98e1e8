package org.openhotline.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The product's configuration: defaults in the jar ({@code hotline-defaults.yml}), then an optional
 * YAML file, then environment variables. Only keys that exist in the defaults can be set, so a typo
 * in a file is reported at start instead of being silently ignored.
 */
public final class HotlineConfig {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> SHORT_ENV = Map.of("HOTLINE_PORT", "server.port", "HOTLINE_DATA", "data.dir",
            "HOTLINE_WECHAT_APPID", "wechat.app-id", "HOTLINE_WECHAT_SECRET", "wechat.secret", "HOTLINE_WECHAT_TOKEN", "wechat.token",
            "HOTLINE_WECHAT_AESKEY", "wechat.aes-key", "HOTLINE_ADMIN_PASSWORD", "auth.admin-password");
    /** Mappings whose keys are names the operator chooses (skill groups), so a file may add keys below them. */
    private static final List<String> OPEN_MAPPINGS = List.of("hours.groups.");

    private final ObjectNode root;

    private HotlineConfig(ObjectNode root) {
        this.root = root;
    }

    /** Defaults, then {@code file} if not null, then {@code env}. */
    public static HotlineConfig load(Path file, Map<String, String> env) {
        ObjectNode root = defaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) throw new ConfigException("config file not found: " + file);
            try {
                JsonNode overlay = YAML.readTree(file.toFile());
                if (overlay != null && !overlay.isMissingNode() && !overlay.isNull()) {
                    if (!overlay.isObject()) throw new ConfigException(file + ": the top level must be a mapping");
                    merge(root, (ObjectNode) overlay, "");
                }
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
            }
        }
        applyEnv(root, env);
        return new HotlineConfig(root);
    }

    /** The file named by HOTLINE_CONFIG, else ./hotline.yml if present, else none. */
    public static Path defaultFile(Map<String, String> env) {
        String named = env.get("HOTLINE_CONFIG");
        if (named != null && !named.isBlank()) return Path.of(named);
        Path local = Path.of("hotline.yml");
        return Files.isRegularFile(local) ? local : null;
    }

    public static HotlineConfig defaultsOnly() {
        return new HotlineConfig(defaults());
    }

    private static ObjectNode defaults() {
        try (InputStream in = HotlineConfig.class.getResourceAsStream("/hotline-defaults.yml")) {
            if (in == null) throw new IllegalStateException("hotline-defaults.yml missing from the jar");
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode overlay, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = prefix + f.getKey();
            JsonNode existing = base.get(f.getKey());
            if (existing == null && OPEN_MAPPINGS.stream().anyMatch(key::startsWith)) {
                base.set(f.getKey(), f.getValue()); // checked by the section's own reader (e.g. ServiceHoursConfig)
                continue;
            }
            if (existing == null) throw new ConfigException("unknown configuration key '" + key + "'");
            if (existing.isObject()) {
                if (!f.getValue().isObject()) throw new ConfigException("'" + key + "' must be a mapping");
                merge((ObjectNode) existing, (ObjectNode) f.getValue(), key + ".");
            } else {
                base.set(f.getKey(), f.getValue());
            }
        }
    }

    private static void applyEnv(ObjectNode root, Map<String, String> env) {
        for (String path : leafPaths(root, "")) {
            String name = "HOTLINE_" + path.toUpperCase().replace('.', '_').replace('-', '_');
            String value = env.get(name);
            for (Map.Entry<String, String> s : SHORT_ENV.entrySet()) {
                if (s.getValue().equals(path) && env.get(s.getKey()) != null) value = env.get(s.getKey());
            }
            if (value != null) set(root, path, value);
        }
    }

    private static List<String> leafPaths(ObjectNode node, String prefix) {
        List<String> out = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isObject()) out.addAll(leafPaths((ObjectNode) f.getValue(), prefix + f.getKey() + "."));
            else out.add(prefix + f.getKey());
        });
        return out;
    }

    private static void set(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) node = (ObjectNode) node.get(parts[i]);
        String leaf = parts[parts.length - 1];
        if (node.get(leaf).isArray()) {
            ArrayNode arr = node.arrayNode();
            for (String v : value.split(",")) if (!v.isBlank()) arr.add(v.strip());
            node.set(leaf, arr);
        } else {
            node.set(leaf, TextNode.valueOf(value));
        }
    }

    private JsonNode node(String path) {
        JsonNode n = root;
        for (String p : path.split("\\.")) {
            n = n.get(p);
            if (n == null) throw new ConfigException("no configuration key '" + path + "'");
        }
        return n;
    }

    public String string(String path) {
        return node(path).asText();
    }

    public int integer(String path) {
        String s = string(path).strip();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ConfigException("'" + path + "' must be a whole number, not '" + s + "'");
        }
    }

    public double decimal(String path) {
        String s = string(path).strip();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ConfigException("'" + path + "' must be a number, not '" + s + "'");
        }
    }

    public boolean bool(String path) {
        String s = string(path).strip().toLowerCase();
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException("'" + path + "' must be true or false, not '" + s + "'");
        };
    }

    public List<String> list(String path) {
        JsonNode n = node(path);
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else if (!n.asText().isBlank()) out.add(n.asText());
        return out;
    }

    /** A section as plain maps, lists and strings, for a module that reads its own settings without this class (hours). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> tree(String path) {
        JsonNode n = node(path);
        if (!n.isObject()) throw new ConfigException("'" + path + "' must be a mapping");
        return YAML.convertValue(n, Map.class);
    }

    /** A copy with one key changed; for tests and the eval, which run the product with other settings. */
    public HotlineConfig with(String path, String value) {
        ObjectNode copy = root.deepCopy();
        if (OPEN_MAPPINGS.stream().anyMatch(path::startsWith)) {
            create(copy, path, value);
        } else {
            node(path); // fails on unknown keys
            set(copy, path, value);
        }
        return new HotlineConfig(copy);
    }

    /** Sets a key below an open mapping, creating the mappings on the way; a comma-separated value becomes a list. */
    private static void create(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || !next.isObject()) next = node.putObject(parts[i]);
            node = (ObjectNode) next;
        }
        ArrayNode arr = node.arrayNode();
        for (String v : value.split(",")) if (!v.isBlank()) arr.add(v.strip());
        node.set(parts[parts.length - 1], arr);
    }
}
