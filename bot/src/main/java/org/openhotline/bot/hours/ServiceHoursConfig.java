package org.openhotline.bot.hours;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link ServiceHours} from the {@code hours:} section of the configuration as a plain map tree (what a YAML
 * reader gives), so that {@code bot} does not depend on the server's configuration class. Lists may also come as
 * comma-separated text (as an environment variable sets them). Every mistake is reported with its key path.
 *
 * <p>Inheritance: for a group's service kind, the day rules are looked up in {@code groups.<g>.<kind>}, then
 * {@code groups.<g>}, then {@code groups.default.<kind>}, then {@code groups.default}; the first level that says
 * anything about a day (its weekday name, or {@code workday} / {@code weekend}) decides it.
 */
public final class ServiceHoursConfig {
    private static final Set<String> TOP_KEYS = Set.of("time-zone", "calendar-dir", "search-days", "special-days-refresh-seconds", "texts", "groups");
    private static final Set<String> TEXT_KEYS = Set.of("back", "unknown", "outside-hours");
    private static final List<String> DAY_KEYS = List.of("workday", "weekend", "holiday",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final String SHARED = "shared-special-days";

    private ServiceHoursConfig() {}

    /**
     * @param hours       the {@code hours} subtree; missing keys take their defaults, except {@code groups.default}
     * @param specialDays the bureau's special days (JDBC in the server)
     * @param clock       the service's clock (also times the special-day refresh)
     * @throws HoursConfigException naming the key, or the calendar file and line
     */
    public static ServiceHours fromMap(Map<String, ?> hours, SpecialDayStore specialDays, Clock clock) {
        Map<String, ?> top = hours == null ? Map.of() : hours;
        unknownKeys(top, TOP_KEYS, "hours");
        ZoneId zone = zone(top.get("time-zone"));
        String dir = text(top.get("calendar-dir"), "hours.calendar-dir", "");
        int refresh = number(top.get("special-days-refresh-seconds"), "hours.special-days-refresh-seconds", 5, 0, 3600);
        HolidayCalendar calendar = HolidayCalendar.builder()
                .calendarDir(dir.isBlank() ? null : Path.of(dir))
                .specialDays(specialDays)
                .clock(clock)
                .refresh(Duration.ofSeconds(refresh))
                .build();
        ServiceHours.Builder b = ServiceHours.builder(calendar)
                .zone(zone)
                .searchDays(number(top.get("search-days"), "hours.search-days", ServiceHours.DEFAULT_SEARCH_DAYS, 1, 366))
                .texts(texts(top.get("texts")))
                .clock(clock);
        Map<String, ?> groups = map(top.get("groups"), "hours.groups");
        Map<String, ?> def = groups.get(ServiceHours.DEFAULT_GROUP) == null ? null : map(groups.get(ServiceHours.DEFAULT_GROUP), "hours.groups.default");
        if (def == null) throw new HoursConfigException("hours.groups.default is missing; every group without hours of its own uses it");
        for (Map.Entry<String, ?> g : groups.entrySet()) {
            String path = "hours.groups." + g.getKey();
            Map<String, ?> group = g.getValue() == null ? Map.of() : map(g.getValue(), path);
            b.group(group(g.getKey(), group, def, path));
        }
        return b.build();
    }

    private static GroupHours group(String name, Map<String, ?> group, Map<String, ?> def, String path) {
        Set<String> allowed = new HashSet<>(DAY_KEYS);
        allowed.add(SHARED);
        for (ServiceKind k : ServiceKind.values()) allowed.add(k.key());
        unknownKeys(group, allowed, path);
        boolean isDefault = ServiceHours.DEFAULT_GROUP.equals(name);
        Map<ServiceKind, OpeningRules> kinds = new EnumMap<>(ServiceKind.class);
        for (ServiceKind k : ServiceKind.values()) {
            List<Level> levels = new ArrayList<>();
            addKindLevel(levels, group, k, path);
            levels.add(new Level(group, path));
            if (!isDefault) {
                addKindLevel(levels, def, k, "hours.groups.default");
                levels.add(new Level(def, "hours.groups.default"));
            }
            kinds.put(k, rules(levels));
        }
        boolean shared = bool(group.containsKey(SHARED) ? group.get(SHARED) : def.get(SHARED), path + "." + SHARED, true);
        return new GroupHours(name, kinds, shared);
    }

    private static void addKindLevel(List<Level> levels, Map<String, ?> group, ServiceKind k, String path) {
        Object v = group.get(k.key());
        if (v == null) return;
        String p = path + "." + k.key();
        Map<String, ?> m = map(v, p);
        unknownKeys(m, Set.copyOf(DAY_KEYS), p);
        levels.add(new Level(m, p));
    }

    private static OpeningRules rules(List<Level> levels) {
        EnumMap<DayOfWeek, List<TimeWindow>> plain = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            String own = d.name().toLowerCase(Locale.ROOT);
            String general = d.getValue() >= 6 ? "weekend" : "workday";
            plain.put(d, first(levels, own, general));
        }
        return new OpeningRules(plain, first(levels, "workday", "workday"), first(levels, "holiday", "holiday"));
    }

    /** The windows of the first level that names {@code own} or {@code general}; closed when none does. */
    private static List<TimeWindow> first(List<Level> levels, String own, String general) {
        for (Level l : levels) {
            if (l.map.containsKey(own)) return windows(l.map.get(own), l.path + "." + own);
            if (l.map.containsKey(general)) return windows(l.map.get(general), l.path + "." + general);
        }
        return List.of();
    }

    private record Level(Map<String, ?> map, String path) {}

    static List<TimeWindow> windows(Object v, String path) {
        List<String> texts = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o == null || o instanceof Map || o instanceof List) throw new HoursConfigException(path + ": each window is text like \"08:30-12:00\"");
                texts.add(o.toString());
            }
        } else if (v != null && !(v instanceof Map)) {
            texts.add(v.toString());
        } else if (v instanceof Map) {
            throw new HoursConfigException(path + ": a list of windows like [\"08:30-12:00\", \"13:30-17:30\"] (or [] for closed)");
        }
        try {
            return TimeWindow.parseAll(texts);
        } catch (IllegalArgumentException e) {
            throw new HoursConfigException(path + ": " + e.getMessage());
        }
    }

    private static HoursTexts texts(Object v) {
        HoursTexts d = HoursTexts.defaults();
        if (v == null) return d;
        Map<String, ?> m = map(v, "hours.texts");
        unknownKeys(m, TEXT_KEYS, "hours.texts");
        String back = format(text(m.get("back"), "hours.texts.back", d.back()), "hours.texts.back");
        String unknown = text(m.get("unknown"), "hours.texts.unknown", d.unknown());
        String outside = format(text(m.get("outside-hours"), "hours.texts.outside-hours", d.outsideHours()), "hours.texts.outside-hours");
        return new HoursTexts(back, unknown, outside);
    }

    /** A text with one %s: checked now, so a bad template fails at start rather than in a citizen's chat. */
    private static String format(String template, String path) {
        try {
            String probe = String.format(template, "\u0001");
            if (!probe.contains("\u0001")) throw new HoursConfigException(path + ": needs %s where the time goes");
            return template;
        } catch (IllegalFormatException e) {
            throw new HoursConfigException(path + ": not a usable template (one %s, and %% for a percent sign): " + e.getMessage());
        }
    }

    private static ZoneId zone(Object v) {
        String s = text(v, "hours.time-zone", ServiceHours.DEFAULT_ZONE.getId());
        try {
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            throw new HoursConfigException("hours.time-zone: '" + s + "' is not a time zone like Asia/Shanghai");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object v, String path) {
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) if (!(k instanceof String)) throw new HoursConfigException(path + ": keys must be text, not " + k);
            return (Map<String, ?>) m;
        }
        throw new HoursConfigException(path + " must be a mapping" + (v == null ? " and is missing" : ""));
    }

    private static void unknownKeys(Map<String, ?> m, Set<String> allowed, String path) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) throw new HoursConfigException("unknown key '" + path + "." + k + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
        }
    }

    private static String text(Object v, String path, String dflt) {
        if (v == null) return dflt;
        if (v instanceof Map || v instanceof List) throw new HoursConfigException(path + " must be a single value");
        return v.toString();
    }

    private static int number(Object v, String path, int dflt, int min, int max) {
        if (v == null) return dflt;
        String s = text(v, path, "").strip();
        try {
            int n = Integer.parseInt(s);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new HoursConfigException(path + " must be a whole number from " + min + " to " + max + ", not '" + s + "'");
    }

    private static boolean bool(Object v, String path, boolean dflt) {
        if (v == null) return dflt;
        return switch (text(v, path, "").strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new HoursConfigException(path + " must be true or false, not '" + v + "'");
        };
    }
}
