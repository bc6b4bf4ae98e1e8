package org.openhotline.bot.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhotline.bot.hours.HoursFixtures.at;
import static org.openhotline.bot.hours.ServiceKind.CHAT;
import static org.openhotline.bot.hours.ServiceKind.HANDOFF;
import static org.openhotline.bot.hours.ServiceKind.PHONE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Opening hours on the 2025 and 2026 calendars, every time fixed. */
class ServiceHoursTest {
    final InMemorySpecialDayStore specials = new InMemorySpecialDayStore();
    final ServiceHours hours = HoursFixtures.hours(specials);

    void assertOpen(String group, ServiceKind kind, String time) {
        assertTrue(hours.isOpen(group, kind, at(time)), group + " " + kind + " should be open at " + time);
    }

    void assertClosed(String group, ServiceKind kind, String time) {
        assertFalse(hours.isOpen(group, kind, at(time)), group + " " + kind + " should be closed at " + time);
    }

    @Test
    void closedThroughTheSpringFestival2025() {
        for (LocalDate d = LocalDate.parse("2025-01-28"); !d.isAfter(LocalDate.parse("2025-02-04")); d = d.plusDays(1)) {
            for (ServiceKind k : ServiceKind.values()) assertClosed("社保", k, d + "T10:00");
        }
        assertOpen("社保", CHAT, "2025-01-27T10:00");
        assertOpen("社保", CHAT, "2025-02-05T10:00");
    }

    @Test
    void makeUpWorkdaysOpenAsWorkdays() {
        assertOpen("社保", CHAT, "2025-01-26T10:00");  // Sunday, 调休上班
        assertOpen("社保", PHONE, "2025-02-08T15:00"); // Saturday, 调休上班
        assertClosed("社保", CHAT, "2025-02-08T12:30"); // lunch still applies
        assertClosed("社保", CHAT, "2025-02-09T10:00"); // a plain Sunday
        assertOpen("社保", CHAT, "2025-09-28T09:00");
        assertOpen("社保", CHAT, "2025-10-11T09:00");
        assertClosed("医保", CHAT, "2025-10-11T12:30"); // 医保's own Saturday morning rule does not apply to a make-up Saturday's lunch
        assertOpen("医保", CHAT, "2025-10-11T14:00");   // a make-up Saturday is a full workday for 医保 too
    }

    @Test
    void closedThroughNationalDay2025() {
        for (int day = 1; day <= 8; day++) assertClosed("公积金", CHAT, String.format("2025-10-%02dT10:00", day));
        assertOpen("公积金", CHAT, "2025-10-09T10:00");
    }

    @Test
    void year2026() {
        assertClosed("社保", CHAT, "2026-01-02T10:00");   // 元旦, a Friday
        assertOpen("社保", CHAT, "2026-01-04T10:00");     // Sunday, 调休上班
        assertOpen("社保", CHAT, "2026-02-14T10:00");     // Saturday before 春节
        for (LocalDate d = LocalDate.parse("2026-02-15"); !d.isAfter(LocalDate.parse("2026-02-23")); d = d.plusDays(1)) {
            assertClosed("社保", CHAT, d + "T10:00");
        }
        assertOpen("社保", CHAT, "2026-02-24T08:30");
        assertOpen("社保", CHAT, "2026-02-28T10:00");
        assertClosed("社保", CHAT, "2026-05-04T10:00");   // 劳动节, a Monday
        assertOpen("社保", CHAT, "2026-05-09T10:00");
        assertClosed("社保", CHAT, "2026-06-19T10:00");   // 端午节, a Friday
        assertClosed("社保", CHAT, "2026-09-25T10:00");   // 中秋节, a Friday
        assertOpen("社保", CHAT, "2026-09-20T10:00");
        assertClosed("社保", CHAT, "2026-10-07T10:00");
        assertOpen("社保", CHAT, "2026-10-08T10:00");
        assertOpen("社保", CHAT, "2026-10-10T10:00");
    }

    @Test
    void lunchBreakAndTheEdgesOfAWindow() {
        assertOpen("default", CHAT, "2025-03-03T08:30");
        assertClosed("default", CHAT, "2025-03-03T08:29:59");
        assertOpen("default", CHAT, "2025-03-03T11:59:59");
        assertClosed("default", CHAT, "2025-03-03T12:00");
        assertClosed("default", CHAT, "2025-03-03T12:30");
        assertOpen("default", CHAT, "2025-03-03T13:30");
        assertClosed("default", CHAT, "2025-03-03T17:30");
    }

    @Test
    void handoffStopsBeforeTheAgentsLeave() {
        assertOpen("社保", CHAT, "2025-03-03T17:20");
        assertClosed("社保", HANDOFF, "2025-03-03T17:20");
        assertClosed("社保", HANDOFF, "2025-03-03T11:50");
        assertEquals(at("2025-03-03T13:30"), hours.nextOpening("社保", HANDOFF, at("2025-03-03T11:50")).orElseThrow());
    }

    @Test
    void the12345LineIsOpenAllDayEveryDay() {
        assertOpen("12345", PHONE, "2025-01-29T03:00"); // 春节, 03:00
        assertOpen("12345", CHAT, "2025-10-01T23:59:59");
        assertOpen("12345", HANDOFF, "2025-03-08T00:00");
    }

    @Test
    void aGroupWithItsOwnSaturdayAndAnUnknownGroupOnDefault() {
        assertOpen("医保", CHAT, "2025-03-08T10:00");
        assertClosed("医保", CHAT, "2025-03-08T13:30");
        assertClosed("医保", CHAT, "2025-03-09T10:00");
        assertOpen("医保", CHAT, "2025-01-25T10:00");   // a plain Saturday, not a holiday
        assertClosed("医保", CHAT, "2025-02-01T10:00"); // a Saturday inside 春节: the holiday rule wins
        assertOpen("不存在的组", CHAT, "2025-03-03T10:00");
        assertClosed("不存在的组", CHAT, "2025-03-03T12:30");
        assertClosed("不存在的组", CHAT, "2025-03-08T10:00");
    }

    @Test
    void nextOpeningAcrossTheSpringFestivalIsTheFirstWorkingMorning() {
        ZonedDateTime next = hours.nextOpening("社保", CHAT, at("2025-01-27T18:00")).orElseThrow();
        assertEquals(at("2025-02-05T08:30"), next);
        assertEquals("人工服务将于2月5日（星期三）08:30恢复", hours.backPhrase("社保", CHAT, at("2025-01-27T18:00")));
        assertEquals(at("2025-10-09T08:30"), hours.nextOpening("社保", CHAT, at("2025-09-30T17:45")).orElseThrow());
        assertEquals(at("2026-02-24T08:30"), hours.nextOpening("社保", PHONE, at("2026-02-14T18:00")).orElseThrow());
    }

    @Test
    void nextOpeningWithinTheDayAndOnAMakeUpSunday() {
        assertEquals("人工服务将于今天13:30恢复", hours.backPhrase("社保", CHAT, at("2025-03-03T12:10")));
        assertEquals("人工服务将于明天08:30恢复", hours.backPhrase("社保", CHAT, at("2025-01-25T10:00"))); // Sunday the 26th is worked
        assertEquals("人工服务将于明天08:30恢复", hours.backPhrase("社保", CHAT, at("2025-03-02T18:00")));
        assertEquals(at("2025-03-03T10:00"), hours.nextOpening("社保", CHAT, at("2025-03-03T10:00")).orElseThrow(), "open now: now");
        assertEquals("", hours.backPhrase("社保", CHAT, at("2025-03-03T10:00")));
    }

    @Test
    void aYearChangeIsNamed() {
        assertEquals("人工服务将于2026年1月4日（星期日）08:30恢复", hours.backPhrase("社保", CHAT, at("2025-12-31T18:00")));
    }

    @Test
    void aSpecialClosedDayClosesEveryGroupButThe24HourLine() {
        specials.put(SpecialDay.closed(LocalDate.parse("2025-03-05"), SpecialDay.ALL_GROUPS, "系统升级暂停服务"));
        assertClosed("社保", CHAT, "2025-03-05T10:00");
        assertClosed("医保", PHONE, "2025-03-05T10:00");
        assertOpen("12345", PHONE, "2025-03-05T10:00");
        assertEquals(at("2025-03-06T08:30"), hours.nextOpening("社保", CHAT, at("2025-03-04T18:00")).orElseThrow());
        Availability a = hours.availability("社保", CHAT, at("2025-03-05T10:00"));
        assertFalse(a.open());
        assertEquals(DayKind.SPECIAL, a.day().kind());
        assertEquals("系统升级暂停服务", a.day().name());
        assertTrue(a.reply().contains("人工服务将于明天08:30恢复"), a.reply());
        assertTrue(a.reply().contains("留言") && a.reply().contains("回电"), a.reply());
        specials.remove(LocalDate.parse("2025-03-05"), "*");
        assertOpen("社保", CHAT, "2025-03-05T10:00");
    }

    @Test
    void aSpecialDayWithItsOwnWindowsForOneGroup() {
        specials.put(new SpecialDay(LocalDate.parse("2025-03-09"), "公积金", List.of(TimeWindow.parse("09:00-16:00")), "缴存基数调整集中办理"));
        assertOpen("公积金", CHAT, "2025-03-09T12:30");
        assertClosed("社保", CHAT, "2025-03-09T12:30");
        assertEquals(at("2025-03-09T09:00"), hours.nextOpening("公积金", CHAT, at("2025-03-08T18:00")).orElseThrow());
        specials.put(SpecialDay.closed(LocalDate.parse("2025-03-10"), "12345", "线路割接"));
        assertClosed("12345", PHONE, "2025-03-10T10:00");
    }

    @Test
    void theCallersTimeZoneDoesNotMatter() {
        ZonedDateTime utc = ZonedDateTime.of(2025, 2, 5, 0, 30, 0, 0, ZoneOffset.UTC); // 08:30 in Shanghai
        assertTrue(hours.isOpen("社保", CHAT, utc));
        assertFalse(hours.isOpen("社保", CHAT, utc.minusMinutes(1)));
        assertEquals(at("2025-02-05T08:30"), hours.nextOpening("社保", CHAT, utc.minusHours(10)).orElseThrow());
        assertEquals(HoursFixtures.SHANGHAI, hours.nextOpening("社保", CHAT, utc.minusHours(10)).orElseThrow().getZone());
    }

    @Test
    void aYearWithoutACalendarFallsBackToWeekdays() {
        assertOpen("社保", CHAT, "2031-01-01T10:00");   // 元旦 2031 is unknown: a Wednesday
        assertClosed("社保", CHAT, "2031-01-04T10:00"); // Saturday
        assertEquals(at("2031-01-06T08:30"), hours.nextOpening("社保", CHAT, at("2031-01-03T18:00")).orElseThrow());
    }

    @Test
    void nothingOpenWithinTheHorizonSaysSo() {
        ServiceHours closed = ServiceHours.builder(HolidayCalendar.bundled())
                .group("default", OpeningRules.weekly(List.of(), List.of(), List.of()))
                .searchDays(10)
                .build();
        assertEquals(Optional.empty(), closed.nextOpening("x", CHAT, at("2025-03-03T10:00")));
        Availability a = closed.availability("x", CHAT, at("2025-03-03T10:00"));
        assertFalse(a.open());
        assertEquals(HoursTexts.defaults().unknown(), a.backPhrase());
    }

    @Test
    void availabilityNowReadsTheServiceClock() {
        ServiceHours h = ServiceHours.builder(HolidayCalendar.bundled())
                .group("default", OpeningRules.weekly(List.of(TimeWindow.parse("08:30-17:30")), List.of(), List.of()))
                .clock(Clock.fixed(at("2025-01-30T10:00").toInstant(), ZoneOffset.UTC))
                .build();
        Availability a = h.availability("default", PHONE);
        assertFalse(a.open());
        assertEquals("春节", a.day().name());
        assertEquals(at("2025-02-05T08:30"), a.nextOpening().orElseThrow());
        assertTrue(h.availability("default", PHONE, at("2025-02-05T08:30")).open());
    }
}
