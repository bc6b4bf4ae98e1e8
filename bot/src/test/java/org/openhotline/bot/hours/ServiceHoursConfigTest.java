package org.openhotline.bot.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhotline.bot.hours.HoursFixtures.at;
import static org.openhotline.bot.hours.HoursFixtures.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hours section of the configuration: inheritance, environment-style text values, and errors that name the key. */
class ServiceHoursConfigTest {
    static final Clock CLOCK = Clock.systemUTC();

    static ServiceHours build(String yamlText) {
        return ServiceHoursConfig.fromMap(yaml(yamlText), SpecialDayStore.none(), CLOCK);
    }

    static void assertError(String yamlText, String... parts) {
        HoursConfigException e = assertThrows(HoursConfigException.class, () -> build(yamlText));
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }

    @Test
    void perKindRulesInheritFromTheGroupThenFromDefault() {
        ServiceHours h = build("""
                groups:
                  default:
                    workday: ["09:00-17:00"]
                    phone: {workday: ["08:00-20:00"]}
                  社保:
                    weekend: ["09:00-12:00"]
                    chat: {workday: ["10:00-11:00"]}
                """);
        assertTrue(h.isOpen("社保", ServiceKind.PHONE, at("2025-03-03T19:00")), "default.phone applies to 社保's phone");
        assertFalse(h.isOpen("社保", ServiceKind.CHAT, at("2025-03-03T12:00")), "社保.chat wins");
        assertTrue(h.isOpen("社保", ServiceKind.HANDOFF, at("2025-03-03T16:00")), "default.workday for handoff");
        assertTrue(h.isOpen("社保", ServiceKind.PHONE, at("2025-03-08T10:00")), "社保.weekend applies to all its kinds");
        assertFalse(h.isOpen("default", ServiceKind.PHONE, at("2025-03-08T10:00")), "weekend closed when not set");
        assertEquals(ZoneId.of("Asia/Shanghai"), h.zone());
        assertEquals(java.util.Set.of("default", "社保"), h.groups());
    }

    @Test
    void aGroupsOwnWeekendStopsDefaultsSaturdayRule() {
        ServiceHours h = build("""
                groups:
                  default:
                    workday: ["09:00-17:00"]
                    saturday: ["09:00-12:00"]
                  夜班:
                    weekend: []
                """);
        assertTrue(h.isOpen("default", ServiceKind.CHAT, at("2025-03-08T10:00")));
        assertFalse(h.isOpen("夜班", ServiceKind.CHAT, at("2025-03-08T10:00")));
    }

    @Test
    void valuesSetFromTheEnvironmentComeAsText() {
        Map<String, Object> groups = new HashMap<>();
        groups.put("default", Map.of("workday", "08:00-12:00,14:00-18:00", "holiday", "", "shared-special-days", "false"));
        ServiceHours h = ServiceHoursConfig.fromMap(Map.of("groups", groups, "search-days", "7", "time-zone", "Asia/Urumqi"), SpecialDayStore.none(), CLOCK);
        assertTrue(h.isOpen("default", ServiceKind.CHAT, at("2025-03-03T16:00")), "14:00 in Urumqi");
        assertFalse(h.isOpen("default", ServiceKind.CHAT, at("2025-03-03T15:00")), "13:00 in Urumqi");
        assertEquals(ZoneId.of("Asia/Urumqi"), h.zone());
    }

    @Test
    void aCalendarDirFromConfigIsRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cn-2027.yml"), "year: 2027\nholidays:\n  - {name: 元旦, from: 2027-01-01, to: 2027-01-03}\n");
        ServiceHours h = build("calendar-dir: " + dir + "\ngroups:\n  default:\n    workday: [\"09:00-17:00\"]\n");
        assertFalse(h.isOpen("default", ServiceKind.CHAT, at("2027-01-01T10:00")));
        assertTrue(h.calendar().knowsYear(2027));
    }

    @Test
    void mistakesNameTheirKey() {
        assertError("groups:\n  社保:\n    workday: [\"08:30-12:00\"]\n", "hours.groups.default is missing");
        assertError("groups:\n  default:\n    workday: [\"13:30-1730\"]\n", "hours.groups.default.workday", "13:30-1730");
        assertError("groups:\n  default:\n    workday: [\"17:30-13:30\"]\n", "closes before it opens");
        assertError("groups:\n  default:\n    workday: [\"08:00-12:00\", \"11:00-14:00\"]\n", "overlap");
        assertError("groups:\n  default:\n    wokday: [\"08:00-12:00\"]\n", "unknown key 'hours.groups.default.wokday'");
        assertError("groups:\n  default:\n    sms: {workday: []}\n", "unknown key 'hours.groups.default.sms'");
        assertError("groups:\n  default:\n    chat: {saturdy: []}\n", "hours.groups.default.chat.saturdy");
        assertError("time-zone: Beijing\ngroups:\n  default: {}\n", "hours.time-zone", "Beijing");
        assertError("search-days: 0\ngroups:\n  default: {}\n", "hours.search-days");
        assertError("texts:\n  back: 人工服务恢复\ngroups:\n  default: {}\n", "hours.texts.back", "%s");
        assertError("texts:\n  outside-hours: 100% %s\ngroups:\n  default: {}\n", "hours.texts.outside-hours");
        assertError("groups:\n  default:\n    shared-special-days: maybe\n", "shared-special-days");
        assertError("grops: {}\n", "unknown key 'hours.grops'");
    }

    @Test
    void customTextsAreUsed() {
        ServiceHours h = build("""
                texts:
                  back: 工作人员%s上班
                  outside-hours: 下班了，%s。
                groups:
                  default:
                    workday: ["09:00-17:00"]
                """);
        Availability a = h.availability("default", ServiceKind.CHAT, at("2025-03-03T08:00"));
        assertEquals("工作人员今天09:00上班", a.backPhrase());
        assertEquals("下班了，工作人员今天09:00上班。", a.reply());
    }

    @Test
    void windowsParse() {
        assertEquals(new TimeWindow(510, 720), TimeWindow.parse("08:30-12:00"));
        assertEquals(new TimeWindow(510, 720), TimeWindow.parse(" 8:30 – 12:00 "));
        assertEquals(TimeWindow.ALL_DAY, TimeWindow.parse("24h"));
        assertEquals(new TimeWindow(22 * 60, 24 * 60), TimeWindow.parse("22:00-24:00"));
        assertEquals("22:00-24:00", TimeWindow.parse("22:00-24:00").toString());
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse("22:00-06:00"));
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse("25:00-26:00"));
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse("morning"));
        assertEquals(List.of(TimeWindow.parse("08:00-09:00"), TimeWindow.parse("13:00-14:00")),
                TimeWindow.parseAll(List.of("13:00-14:00，08:00-09:00")));
    }

    @Test
    void returnTimePhrases() {
        assertEquals("今天13:30", ReturnTimePhrase.when(at("2025-03-03T12:00"), at("2025-03-03T13:30")));
        assertEquals("明天08:30", ReturnTimePhrase.when(at("2025-03-03T18:00"), at("2025-03-04T08:30")));
        assertEquals("2月5日（星期三）08:30", ReturnTimePhrase.when(at("2025-01-27T18:00"), at("2025-02-05T08:30")));
        assertEquals("2月5日（星期四）08:30", ReturnTimePhrase.when(at("2026-02-01T18:00"), at("2026-02-05T08:30")));
        assertEquals("2026年1月4日（星期日）08:30", ReturnTimePhrase.when(at("2025-12-31T18:00"), at("2026-01-04T08:30")));
    }
}
