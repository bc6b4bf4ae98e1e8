package org.openhotline.desk.queue;

import java.util.ArrayList;
import java.util.List;

/**
 * Priority by channel and source (config {@code desk.priority}, lines "channel=wechat:5", "source=vip:20",
 * "group=医保:3"): a queued chat's priority is the sum of the points of the rules it matches; higher waits less.
 * A source may end in "*" to match a prefix ("source=app:*:5" is not supported; use "source=app*:5").
 */
public final class PriorityRules {
    /** One rule: the field (channel, source, group), the value (a trailing * matches a prefix), the points. */
    public record Rule(String field, String value, int points) {
        boolean matches(String channel, String source, String group) {
            String v = switch (field) {
                case "channel" -> channel;
                case "source" -> source;
                case "group" -> group;
                default -> null;
            };
            if (v == null) return false;
            return value.endsWith("*") ? v.startsWith(value.substring(0, value.length() - 1)) : v.equals(value);
        }
    }

    private final List<Rule> rules;

    public PriorityRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static PriorityRules parse(List<String> lines) {
        List<Rule> out = new ArrayList<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            int colon = line.lastIndexOf(':');
            if (eq < 1 || colon < eq + 2) throw new IllegalArgumentException("priority rule '" + line + "' must be field=value:points");
            String field = line.substring(0, eq).strip();
            if (!List.of("channel", "source", "group").contains(field)) throw new IllegalArgumentException("priority rule '" + line + "': field is channel, source or group");
            try {
                out.add(new Rule(field, line.substring(eq + 1, colon).strip(), Integer.parseInt(line.substring(colon + 1).strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("priority rule '" + line + "': points must be a whole number");
            }
        }
        return new PriorityRules(out);
    }

    public int of(String channel, String source, String group) {
        int p = 0;
        for (Rule r : rules) if (r.matches(channel, source, group)) p += r.points();
        return p;
    }

    public List<Rule> rules() {
        return rules;
    }
}
