package org.openhotline.bot.hours;

import java.util.EnumMap;
import java.util.Map;

/**
 * The hours of one skill group, per service kind.
 *
 * @param sharedSpecialDays whether special days set for all groups apply; false for a line that must stay open
 *                          (12345) when the bureau closes for a day. Its own special days always apply.
 */
public record GroupHours(String name, Map<ServiceKind, OpeningRules> kinds, boolean sharedSpecialDays) {

    public GroupHours {
        if (kinds.keySet().size() != ServiceKind.values().length) throw new IllegalArgumentException("group " + name + " needs rules for every service kind");
        kinds = Map.copyOf(new EnumMap<>(kinds));
    }

    /** The same rules for chat, phone and handoff. */
    public static GroupHours uniform(String name, OpeningRules rules, boolean sharedSpecialDays) {
        Map<ServiceKind, OpeningRules> m = new EnumMap<>(ServiceKind.class);
        for (ServiceKind k : ServiceKind.values()) m.put(k, rules);
        return new GroupHours(name, m, sharedSpecialDays);
    }

    public OpeningRules rules(ServiceKind kind) {
        return kinds.get(kind);
    }
}
