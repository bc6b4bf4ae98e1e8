package org.openhotline.bot.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every special-day store does: add, replace, list by range, remove, and move its revision on each change. */
abstract class SpecialDayStoreContract {
    abstract SpecialDayStore store();

    static final LocalDate D1 = LocalDate.parse("2025-03-05");
    static final LocalDate D2 = LocalDate.parse("2025-03-09");

    @Test
    void putListReplaceRemove() {
        SpecialDayStore s = store();
        long r0 = s.revision();
        assertTrue(s.put(SpecialDay.closed(D1, SpecialDay.ALL_GROUPS, "系统升级暂停服务")));
        assertTrue(s.put(new SpecialDay(D2, "公积金", List.of(TimeWindow.parse("13:30-16:00"), TimeWindow.parse("09:00-12:00")), "集中办理")));
        assertTrue(s.put(SpecialDay.closed(D1, "12345", "")));
        long r1 = s.revision();
        assertNotEquals(r0, r1);

        List<SpecialDay> all = s.list(null, null);
        assertEquals(3, all.size());
        assertEquals(List.of(D1, D1, D2), all.stream().map(SpecialDay::date).toList());
        SpecialDay gjj = all.get(2);
        assertEquals("公积金", gjj.group());
        assertEquals("集中办理", gjj.note());
        assertEquals(List.of(TimeWindow.parse("09:00-12:00"), TimeWindow.parse("13:30-16:00")), gjj.windows());
        assertTrue(all.stream().anyMatch(d -> d.forAllGroups() && d.isClosed() && d.note().equals("系统升级暂停服务")));

        assertEquals(1, s.list(D2, null).size());
        assertEquals(2, s.list(null, D1).size());
        assertEquals(0, s.list(LocalDate.parse("2025-03-06"), LocalDate.parse("2025-03-08")).size());

        assertFalse(s.put(new SpecialDay(D2, "公积金", List.of(TimeWindow.ALL_DAY), "改为全天")), "a replace is not new");
        assertEquals("改为全天", s.list(D2, D2).get(0).note());
        assertEquals(List.of(TimeWindow.ALL_DAY), s.list(D2, D2).get(0).windows());
        assertNotEquals(r1, s.revision());

        long r2 = s.revision();
        assertFalse(s.remove(D2, "社保"));
        assertEquals(r2, s.revision(), "a no-op leaves the revision");
        assertTrue(s.remove(D1, null), "null group means all groups");
        assertTrue(s.remove(D1, "12345"));
        assertEquals(1, s.list(null, null).size());
        assertNotEquals(r2, s.revision());
    }

    @Test
    void aCalendarOnTheStoreSeesEditsWithoutARestart() {
        SpecialDayStore s = store();
        HolidayCalendar cal = HolidayCalendar.builder().specialDays(s).refresh(java.time.Duration.ofHours(1)).build();
        assertEquals(DayKind.WORKDAY, cal.day(D1).kind());
        s.put(SpecialDay.closed(D1, SpecialDay.ALL_GROUPS, "停电"));
        assertEquals(DayKind.WORKDAY, cal.day(D1).kind(), "within the refresh interval the snapshot is kept");
        cal.specialDaysChanged();
        assertEquals(DayKind.SPECIAL, cal.day(D1).kind());
        assertEquals("停电", cal.day(D1).name());
    }
}
