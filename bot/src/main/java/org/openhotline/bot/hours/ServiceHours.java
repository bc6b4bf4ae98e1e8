package org.openhotline.bot.hours;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When human service is open, per skill group and service kind, on the holiday calendar; the bot asks it before
 * a transfer so that outside hours it says when people are back and offers a message or a callback instead of
 * putting the citizen into a queue no one answers. A group without hours of its own uses {@code default}'s.
 * Times are compared in one configured zone (Asia/Shanghai by default), whatever zone the caller's time is in.
 */
public final class ServiceHours {
    private static final Logger log = LoggerFactory.getLogger(ServiceHours.class);
    public static final String DEFAULT_GROUP = "default";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final int DEFAULT_SEARCH_DAYS = 30;
    /** Unknown group names are logged once each, up to this many (names come from configuration and the admin API). */
    private static final int MAX_WARNED_GROUPS = 1000;

    private final HolidayCalendar calendar;
    private final ZoneId zone;
    private final Map<String, GroupHours> groups;
    private final int searchDays;
    private final HoursTexts texts;
    private final Clock clock;
    private final Set<String> warnedGroups = ConcurrentHashMap.newKeySet();

    private ServiceHours(Builder b) {
        this.calendar = b.calendar;
        this.zone = b.zone;
        this.groups = Map.copyOf(b.groups);
        this.searchDays = b.searchDays;
        this.texts = b.texts;
        this.clock = b.clock;
        if (!groups.containsKey(DEFAULT_GROUP)) throw new HoursConfigException("hours.groups.default is missing; every group without hours of its own uses it");
    }

    public static Builder builder(HolidayCalendar calendar) {
        return new Builder(calendar);
    }

    /** True when humans of {@code group} serve {@code kind} at {@code t}. */
    public boolean isOpen(String group, ServiceKind kind, ZonedDateTime t) {
        ZonedDateTime local = t.withZoneSameInstant(zone);
        int second = local.toLocalTime().toSecondOfDay();
        for (TimeWindow w : windows(group, kind, local.toLocalDate())) if (w.contains(second)) return true;
        return false;
    }

    /**
     * The first moment from {@code t} on when the service is open, in the service's zone: {@code t} itself when open
     * now; empty when nothing opens within the search horizon (30 days by default).
     */
    public Optional<ZonedDateTime> nextOpening(String group, ServiceKind kind, ZonedDateTime t) {
        ZonedDateTime local = t.withZoneSameInstant(zone);
        if (isOpen(group, kind, local)) return Optional.of(local);
        LocalDate today = local.toLocalDate();
        int second = local.toLocalTime().toSecondOfDay();
        for (int i = 0; i <= searchDays; i++) {
            LocalDate date = today.plusDays(i);
            for (TimeWindow w : windows(group, kind, date)) {
                if (i == 0 && w.from() * 60 <= second) continue;
                return Optional.of(ZonedDateTime.of(date, w.start(), zone));
            }
        }
        return Optional.empty();
    }

    /** "人工服务将于今天13:30恢复" (or the unknown-text); empty when open at {@code t}. */
    public String backPhrase(String group, ServiceKind kind, ZonedDateTime t) {
        return availability(group, kind, t).backPhrase();
    }

    /** Everything the bot needs before a transfer, in one look. */
    public Availability availability(String group, ServiceKind kind, ZonedDateTime t) {
        ZonedDateTime local = t.withZoneSameInstant(zone);
        CalendarDay day = day(group, local.toLocalDate());
        if (isOpen(group, kind, local)) return new Availability(true, Optional.of(local), "", "", day);
        Optional<ZonedDateTime> next = nextOpening(group, kind, local);
        String back = next.map(n -> String.format(texts.back(), ReturnTimePhrase.when(local, n))).orElse(texts.unknown());
        return new Availability(false, next, back, String.format(texts.outsideHours(), back), day);
    }

    /** {@link #availability(String, ServiceKind, ZonedDateTime)} now, by the service's clock. */
    public Availability availability(String group, ServiceKind kind) {
        return availability(group, kind, now());
    }

    /** The opening windows of {@code group}'s {@code kind} on {@code date}; empty = closed all day. */
    public List<TimeWindow> windows(String group, ServiceKind kind, LocalDate date) {
        GroupHours g = group(group);
        return g.rules(kind).windows(calendar.day(date, group, g.sharedSpecialDays()));
    }

    /** What {@code date} is for {@code group} (its special days included). */
    public CalendarDay day(String group, LocalDate date) {
        return calendar.day(date, group, group(group).sharedSpecialDays());
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    /** The configured group names, {@code default} included. */
    public Set<String> groups() {
        return groups.keySet();
    }

    private GroupHours group(String name) {
        GroupHours g = name == null ? null : groups.get(name);
        if (g != null) return g;
        if (name != null && warnedGroups.size() < MAX_WARNED_GROUPS && warnedGroups.add(name)) log.info("skill group '{}' has no hours of its own; using default's", name);
        return groups.get(DEFAULT_GROUP);
    }

    /** Named defaults: zone Asia/Shanghai, 30 days of search, {@link HoursTexts#defaults()}, the system clock. */
    public static final class Builder {
        private final HolidayCalendar calendar;
        private ZoneId zone = DEFAULT_ZONE;
        private final Map<String, GroupHours> groups = new LinkedHashMap<>();
        private int searchDays = DEFAULT_SEARCH_DAYS;
        private HoursTexts texts = HoursTexts.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder(HolidayCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder group(GroupHours hours) {
            groups.put(hours.name(), hours);
            return this;
        }

        /** A group with the same rules for every service kind, following shared special days. */
        public Builder group(String name, OpeningRules rules) {
            return group(GroupHours.uniform(name, rules, true));
        }

        public Builder searchDays(int days) {
            if (days < 1 || days > 366) throw new HoursConfigException("hours.search-days must be from 1 to 366, not " + days);
            this.searchDays = days;
            return this;
        }

        public Builder texts(HoursTexts texts) {
            this.texts = texts;
            return this;
        }

        /** The clock behind {@link ServiceHours#now()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ServiceHours build() {
            return new ServiceHours(this);
        }
    }
}
