package org.openhotline.bot.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The bundled State Council calendars, year files from a folder, and the bureau's special days laid over them. */
class HolidayCalendarTest {
    static final HolidayCalendar CAL = HolidayCalendar.bundled();

    static void assertDay(DayKind kind, String date) {
        assertEquals(kind, CAL.day(LocalDate.parse(date)).kind(), date);
    }

    static void assertRange(DayKind kind, String from, String to, String name) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            CalendarDay day = CAL.day(d);
            assertEquals(kind, day.kind(), d.toString());
            assertEquals(name, day.name(), d.toString());
        }
    }

    @Test
    void springFestival2025IsEightDaysOffWithTwoWorkedWeekendDays() {
        assertRange(DayKind.HOLIDAY, "2025-01-28", "2025-02-04", "春节");
        assertDay(DayKind.WORKDAY, "2025-01-27");
        assertDay(DayKind.WORKDAY, "2025-02-05");
        assertDay(DayKind.MAKEUP_WORKDAY, "2025-01-26"); // Sunday
        assertDay(DayKind.MAKEUP_WORKDAY, "2025-02-08"); // Saturday
        assertDay(DayKind.WEEKEND, "2025-02-09");
        assertEquals("调休上班", CAL.day(LocalDate.parse("2025-01-26")).name());
    }

    @Test
    void nationalDayAndMidAutumn2025AreMerged() {
        assertRange(DayKind.HOLIDAY, "2025-10-01", "2025-10-08", "国庆节、中秋节");
        assertDay(DayKind.MAKEUP_WORKDAY, "2025-09-28");
        assertDay(DayKind.MAKEUP_WORKDAY, "2025-10-11");
        assertDay(DayKind.WORKDAY, "2025-10-09");
        assertDay(DayKind.WEEKEND, "2025-10-12");
    }

    @Test
    void the2025NoticeHasItsAddedLabourDayAndNoMakeUpForNewYear() {
        assertRange(DayKind.HOLIDAY, "2025-05-01", "2025-05-05", "劳动节");
        assertDay(DayKind.MAKEUP_WORKDAY, "2025-04-27");
        assertRange(DayKind.HOLIDAY, "2025-01-01", "2025-01-01", "元旦");
        assertDay(DayKind.WORKDAY, "2025-01-02");
        assertRange(DayKind.HOLIDAY, "2025-05-31", "2025-06-02", "端午节");
        assertRange(DayKind.HOLIDAY, "2025-04-04", "2025-04-06", "清明节");
        YearCalendar y = CAL.years().get(2025);
        assertEquals(28, y.holidays().size());
        assertEquals(5, y.workdays().size());
    }

    @Test
    void year2026FromItsNotice() {
        assertRange(DayKind.HOLIDAY, "2026-01-01", "2026-01-03", "元旦");
        assertDay(DayKind.MAKEUP_WORKDAY, "2026-01-04");
        assertRange(DayKind.HOLIDAY, "2026-02-15", "2026-02-23", "春节");
        assertDay(DayKind.MAKEUP_WORKDAY, "2026-02-14");
        assertDay(DayKind.MAKEUP_WORKDAY, "2026-02-28");
        assertDay(DayKind.WORKDAY, "2026-02-24");
        assertRange(DayKind.HOLIDAY, "2026-05-01", "2026-05-05", "劳动节");
        assertDay(DayKind.MAKEUP_WORKDAY, "2026-05-09");
        assertRange(DayKind.HOLIDAY, "2026-06-19", "2026-06-21", "端午节");
        assertRange(DayKind.HOLIDAY, "2026-09-25", "2026-09-27", "中秋节");
        assertRange(DayKind.HOLIDAY, "2026-10-01", "2026-10-07", "国庆节");
        assertDay(DayKind.WORKDAY, "2026-10-08");
        assertDay(DayKind.MAKEUP_WORKDAY, "2026-09-20");
        assertDay(DayKind.MAKEUP_WORKDAY, "2026-10-10");
        YearCalendar y = CAL.years().get(2026);
        assertEquals(33, y.holidays().size());
        assertEquals(6, y.workdays().size());
    }

    @Test
    void aYearWithoutAFileFallsBackToWeekdaysAndWarnsOnce() {
        ListAppender<ILoggingEvent> logs = capture();
        try {
            HolidayCalendar cal = HolidayCalendar.bundled();
            assertFalse(cal.knowsYear(2031));
            assertEquals(DayKind.WORKDAY, cal.day(LocalDate.parse("2031-01-01")).kind()); // a Wednesday, 元旦 unknown
            assertEquals(DayKind.WEEKEND, cal.day(LocalDate.parse("2031-01-04")).kind());
            assertEquals(DayKind.WORKDAY, cal.day(LocalDate.parse("2031-10-01")).kind());
            List<String> warnings = logs.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("2031")).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("cn-2031.yml"), warnings.get(0));
        } finally {
            release(logs);
        }
    }

    @Test
    void aFolderFileReplacesTheBundledYearAndAddsNewYears(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cn-2025.yml"), """
                year: 2025
                holidays:
                  - {name: 测试节, from: 2025-03-03, to: 2025-03-04}
                workdays: [2025-03-08]
                """);
        Files.writeString(dir.resolve("cn-2027.yaml"), """
                year: 2027
                holidays:
                  - name: 春节
                    from: 2027-02-05
                    to: 2027-02-12
                workdays:
                  - 2027-02-20
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a year file");
        HolidayCalendar cal = HolidayCalendar.builder().calendarDir(dir).build();
        assertEquals(DayKind.HOLIDAY, cal.day(LocalDate.parse("2025-03-04")).kind());
        assertEquals(DayKind.MAKEUP_WORKDAY, cal.day(LocalDate.parse("2025-03-08")).kind());
        assertEquals(DayKind.WORKDAY, cal.day(LocalDate.parse("2025-01-28")).kind(), "the bundled 2025 is replaced whole");
        assertEquals(DayKind.HOLIDAY, cal.day(LocalDate.parse("2026-02-16")).kind(), "2026 is still bundled");
        assertEquals("春节", cal.day(LocalDate.parse("2027-02-08")).name());
        assertTrue(cal.knowsYear(2027));
        assertTrue(cal.years().get(2027).origin().endsWith("cn-2027.yaml"));
    }

    @Test
    void badYamlNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cn-2027.yml");
        Files.writeString(f, "year: 2027\nholidays:\n  - {name: 春节, from: 2027-02-05, to: 2027-02-12\nworkdays: []\n");
        HoursConfigException e = assertThrows(HoursConfigException.class, () -> HolidayCalendar.builder().calendarDir(dir).build());
        assertTrue(e.getMessage().startsWith(f.toString() + " line "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void mistakesInAWellFormedFileNameTheLine(@TempDir Path dir) throws Exception {
        assertFileError(dir, "year: 2027\nholidays:\n  - {name: 春节, from: 2027-02-05, to: 2027-02-30}\n", "line 3", "2027-02-30", "not a date");
        assertFileError(dir, "year: 2027\nholidays:\n  - {name: 春节, from: 2027-02-12, to: 2027-02-05}\n", "line 3", "before");
        assertFileError(dir, "year: 2027\nworkdays:\n  - 2027-02-20\n  - 2027-02-22\n", "line 4", "MONDAY", "调休上班");
        assertFileError(dir, "year: 2027\nholidays:\n  - {name: 春节, from: 2027-02-05, to: 2027-02-12}\nworkdays: [2027-02-06]\n", "line 4", "also a day off");
        assertFileError(dir, "year: 2026\n", "line 1", "does not match");
        assertFileError(dir, "year: 2027\nholiday:\n  - {name: 春节, from: 2027-02-05}\n", "line 2", "unknown key 'holiday'");
        assertFileError(dir, "year: 2027\nholidays:\n  - {from: 2027-02-05}\n", "line 3", "needs 'name'");
    }

    static void assertFileError(Path dir, String text, String... parts) throws Exception {
        Path f = dir.resolve("cn-2027.yml");
        Files.writeString(f, text);
        HoursConfigException e = assertThrows(HoursConfigException.class, () -> HolidayCalendar.builder().calendarDir(dir).build());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }

    @Test
    void aMissingFolderIsAClearError() {
        HoursConfigException e = assertThrows(HoursConfigException.class,
                () -> HolidayCalendar.builder().calendarDir(Path.of("/nonexistent/calendar")).build());
        assertTrue(e.getMessage().contains("hours.calendar-dir"), e.getMessage());
    }

    @Test
    void specialDaysOverlayTheCalendarPerGroup() {
        InMemorySpecialDayStore store = new InMemorySpecialDayStore();
        HolidayCalendar cal = HolidayCalendar.builder().specialDays(store).refresh(java.time.Duration.ZERO).build();
        LocalDate d = LocalDate.parse("2025-03-05");
        assertEquals(DayKind.WORKDAY, cal.day(d).kind());
        store.put(SpecialDay.closed(d, SpecialDay.ALL_GROUPS, "系统升级"));
        store.put(new SpecialDay(d, "社保", List.of(TimeWindow.parse("09:00-12:00")), "上午开放"));
        CalendarDay shared = cal.day(d);
        assertEquals(DayKind.SPECIAL, shared.kind());
        assertEquals("系统升级", shared.name());
        assertEquals(DayKind.WORKDAY, shared.publicKind());
        assertTrue(shared.special().isClosed());
        assertEquals("上午开放", cal.day(d, "社保").name());
        assertEquals("系统升级", cal.day(d, "医保").name());
        assertEquals(DayKind.WORKDAY, cal.day(d, "医保", false).kind(), "a group that skips shared days");
        assertEquals(DayKind.SPECIAL, cal.day(d, "社保", false).kind(), "its own day still applies");
        assertNull(cal.publicDay(d).special());
    }

    static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> a = new ListAppender<>();
        a.start();
        ((Logger) LoggerFactory.getLogger(HolidayCalendar.class)).addAppender(a);
        return a;
    }

    static void release(ListAppender<ILoggingEvent> a) {
        ((Logger) LoggerFactory.getLogger(HolidayCalendar.class)).detachAppender(a);
    }
}
