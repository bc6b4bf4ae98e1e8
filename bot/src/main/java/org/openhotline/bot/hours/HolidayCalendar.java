package org.openhotline.bot.hours;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what a date is — workday, weekend, public holiday, make-up working day (调休上班) or a bureau's special day —
 * because Chinese public holidays move every year and are paid back with worked weekends, so a plain
 * Monday–Friday rule is wrong several weeks a year. Years come from the bundled State Council year files
 * ({@code calendar/cn-YYYY.yml}), each replaceable by a file of the same name in a folder; a year with no file
 * falls back to Monday–Friday and is warned about once.
 */
public final class HolidayCalendar {
    private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);
    static final Pattern YEAR_FILE = Pattern.compile("cn-(\\d{4})\\.ya?ml");
    static final int FIRST_BUNDLED = 2000;
    static final int LAST_BUNDLED = 2099;
    static final String MAKEUP_NAME = "调休上班";

    private final SortedMap<Integer, YearCalendar> years;
    private final Map<LocalDate, String> holidays = new HashMap<>();
    private final Set<LocalDate> workdays = new HashSet<>();
    private final SpecialDayStore store;
    private final SpecialDayCache specials;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    private HolidayCalendar(SortedMap<Integer, YearCalendar> years, SpecialDayStore store, SpecialDayCache specials) {
        this.years = Collections.unmodifiableSortedMap(years);
        this.store = store;
        this.specials = specials;
        for (YearCalendar y : years.values()) {
            holidays.putAll(y.holidays());
            workdays.addAll(y.workdays());
        }
    }

    /** The bundled years and no special days. */
    public static HolidayCalendar bundled() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What {@code date} is for everyone: a special day set for all groups applies, group-specific ones do not. */
    public CalendarDay day(LocalDate date) {
        CalendarDay d = publicDay(date);
        return specials.find(date, SpecialDay.ALL_GROUPS).map(d::with).orElse(d);
    }

    /** What {@code date} is for {@code group}: its own special day, else one set for all groups, else the public calendar. */
    public CalendarDay day(LocalDate date, String group) {
        return day(date, group, true);
    }

    /** As {@link #day(LocalDate, String)}; with {@code sharedSpecialDays} false, days set for all groups are skipped (a 24-hour line). */
    public CalendarDay day(LocalDate date, String group, boolean sharedSpecialDays) {
        CalendarDay d = publicDay(date);
        Optional<SpecialDay> own = group == null || SpecialDay.ALL_GROUPS.equals(group) ? Optional.empty() : specials.find(date, group);
        if (own.isPresent()) return d.with(own.get());
        if (sharedSpecialDays) return specials.find(date, SpecialDay.ALL_GROUPS).map(d::with).orElse(d);
        return d;
    }

    /** The State Council calendar alone, without the bureau's days. */
    public CalendarDay publicDay(LocalDate date) {
        String holiday = holidays.get(date);
        if (holiday != null) return new CalendarDay(date, DayKind.HOLIDAY, holiday, DayKind.HOLIDAY, null);
        if (workdays.contains(date)) return new CalendarDay(date, DayKind.MAKEUP_WORKDAY, MAKEUP_NAME, DayKind.MAKEUP_WORKDAY, null);
        if (!years.containsKey(date.getYear()) && warnedYears.add(date.getYear())) {
            log.warn("no holiday calendar for {}: treating Monday-Friday as working days and every holiday as a normal day; "
                    + "put cn-{}.yml (from the State Council notice) in hours.calendar-dir", date.getYear(), date.getYear());
        }
        DayKind k = YearCalendar.isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY;
        return new CalendarDay(date, k, "", k, null);
    }

    /** True when a year file covers {@code year}. */
    public boolean knowsYear(int year) {
        return years.containsKey(year);
    }

    /** The loaded year files by year (where each came from is in {@link YearCalendar#origin()}). */
    public SortedMap<Integer, YearCalendar> years() {
        return years;
    }

    /** The store behind the special days, for the admin API. */
    public SpecialDayStore specialDays() {
        return store;
    }

    /** Call after editing the store on this node, so the edit applies at once rather than at the next refresh. */
    public void specialDaysChanged() {
        specials.invalidate();
    }

    /** Builds a calendar; defaults: bundled years only, no special days, re-read special days every 5 seconds. */
    public static final class Builder {
        private Path calendarDir;
        private SpecialDayStore specialDays = SpecialDayStore.none();
        private Clock clock = Clock.systemUTC();
        private Duration refresh = Duration.ofSeconds(5);

        /** A folder of {@code cn-YYYY.yml} files; one there replaces the bundled file of its year. Null: bundled only. */
        public Builder calendarDir(Path dir) {
            this.calendarDir = dir;
            return this;
        }

        public Builder specialDays(SpecialDayStore store) {
            this.specialDays = store;
            return this;
        }

        /** The clock the special-day refresh runs on (a fixed one in tests). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How often the special-day store is asked whether anything changed; zero asks on every lookup. */
        public Builder refresh(Duration refresh) {
            this.refresh = refresh;
            return this;
        }

        /** HoursConfigException naming the file and line when a year file is wrong. */
        public HolidayCalendar build() {
            SortedMap<Integer, YearCalendar> years = new TreeMap<>();
            ClassLoader cl = HolidayCalendar.class.getClassLoader();
            for (int y = FIRST_BUNDLED; y <= LAST_BUNDLED; y++) {
                String name = "calendar/cn-" + y + ".yml";
                try (InputStream in = cl.getResourceAsStream(name)) {
                    if (in != null) years.put(y, YearFileReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled " + name, y));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (calendarDir != null) {
                if (!Files.isDirectory(calendarDir)) throw new HoursConfigException("hours.calendar-dir " + calendarDir + " is not a folder");
                try (Stream<Path> files = Files.list(calendarDir)) {
                    for (Path f : files.sorted().toList()) {
                        Matcher m = YEAR_FILE.matcher(f.getFileName().toString());
                        if (!m.matches() || !Files.isRegularFile(f)) continue;
                        int y = Integer.parseInt(m.group(1));
                        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                            YearCalendar yc = YearFileReader.read(r, f.toString(), y);
                            YearCalendar replaced = years.put(y, yc);
                            log.info("holiday calendar {} from {}{}", y, f, replaced == null ? "" : " (replaces the bundled one)");
                        }
                    }
                } catch (IOException e) {
                    throw new HoursConfigException("cannot read hours.calendar-dir " + calendarDir + ": " + e.getMessage(), e);
                }
            }
            return new HolidayCalendar(years, specialDays, new SpecialDayCache(specialDays, clock, refresh));
        }
    }
}
