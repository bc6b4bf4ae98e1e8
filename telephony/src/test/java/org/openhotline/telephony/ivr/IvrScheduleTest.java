package org.openhotline.telephony.ivr;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.hours.HolidayCalendar;
import org.openhotline.bot.hours.InMemorySpecialDayStore;
import org.openhotline.bot.hours.OpeningRules;
import org.openhotline.bot.hours.ServiceHours;
import org.openhotline.bot.hours.SpecialDay;
import org.openhotline.bot.hours.TimeWindow;

/** The sample IVR's entry menu follows the shared calendar: holidays, 调休 working days, special days, hours. */
class IvrScheduleTest {
    private final InMemorySpecialDayStore special = new InMemorySpecialDayStore();
    private final ServiceHours hours = ServiceHours.builder(HolidayCalendar.builder().specialDays(special).refresh(Duration.ZERO).build())
            .group(ServiceHours.DEFAULT_GROUP, OpeningRules.weekly(List.of(TimeWindow.parse("09:00-17:00")), List.of(), List.of()))
            .build();
    private final IvrDefinition sample = IvrParser.read(IvrParser.class.getResourceAsStream("/ivr/sample-12345.yml"), "sample");
    private final IvrRun run = new IvrRun(sample, new IvrServices(hours, null, Map.of(), null, null, null, null), null);

    private String at(String time) {
        return run.entry(ZonedDateTime.parse(time + "+08:00[Asia/Shanghai]"));
    }

    @Test
    void theEntryMenuFollowsTheCalendar() {
        assertEquals("main", at("2026-10-12T10:00"), "a Monday in hours");
        assertEquals("after-hours", at("2026-10-12T20:00"), "the same Monday evening");
        assertEquals("holiday", at("2026-10-01T10:00"), "国庆节");
        assertEquals("main", at("2026-10-10T10:00"), "a Saturday worked in exchange for the holiday (调休)");
        assertEquals("after-hours", at("2026-10-11T10:00"), "an ordinary Sunday");
    }

    @Test
    void aSpecialDayOnTheAdminCalendarHasItsOwnMenu() {
        special.put(new SpecialDay(LocalDate.parse("2026-10-13"), "*", List.of(TimeWindow.parse("09:00-12:00")), "系统升级"));
        assertEquals("special-day", at("2026-10-13T10:00"));
        assertEquals("main", at("2026-10-14T10:00"));
    }
}
