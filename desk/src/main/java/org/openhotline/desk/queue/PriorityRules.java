package org.openhotline.desk.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openhotline.bot.handoff.HandoffSummary;

/**
 * Priority of a queued chat (config {@code desk.priority}): lines "field=value:points", the chat's priority is the sum
 * of the points of the rules it matches, higher waits less. Fields: {@code channel} (web, wechat, voice), {@code source}
 * (the channel's sub-channel or entry point, from {@link org.openhotline.desk.CitizenSources}), {@code group},
 * {@code reason} (the bot's transfer reason, e.g. negative_emotion), {@code intent} (any intent the citizen showed) and
 * {@code citizen} (a designated citizen's session id). A value ending in "*" matches a prefix ("source=vip*:10").
 */
public final class PriorityRules {
    static final Set<String> FIELDS = Set.of("channel", "source", "group", "reason", "intent", "citizen");

    /** One rule: the field, the value (a trailing * matches a prefix), the points. */
    public record Rule(String field, String value, int points) {
        boolean matches(String v) {
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
            if (!FIELDS.contains(field)) throw new IllegalArgumentException("priority rule '" + line + "': field is one of " + FIELDS);
            try {
                out.add(new Rule(field, line.substring(eq + 1, colon).strip(), Integer.parseInt(line.substring(colon + 1).strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("priority rule '" + line + "': points must be a whole number");
            }
        }
        return new PriorityRules(out);
    }

    /** The priority of a handoff to {@code group} from {@code source} (may be null). */
    public int of(HandoffSummary s, String source, String group) {
        int p = 0;
        for (Rule r : rules) {
            boolean hit = switch (r.field()) {
                case "channel" -> r.matches(s.channel());
                case "source" -> r.matches(source);
                case "group" -> r.matches(group);
                case "reason" -> r.matches(s.reason());
                case "citizen" -> r.matches(s.sessionId());
                case "intent" -> s.intents().stream().anyMatch(r::matches);
                default -> false;
            };
            if (hit) p += r.points();
        }
        return p;
    }

    public List<Rule> rules() {
        return rules;
    }
}
