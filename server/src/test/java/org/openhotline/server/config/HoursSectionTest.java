package org.openhotline.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.bot.hours.HoursConfigException;
import org.openhotline.bot.hours.ServiceHours;
import org.openhotline.bot.hours.ServiceHoursConfig;
import org.openhotline.bot.hours.ServiceKind;
import org.openhotline.bot.hours.SpecialDayStore;

/** The shipped hours defaults build, and a bureau's file or environment can change them and add skill groups. */
class HoursSectionTest {

    static ServiceHours hours(HotlineConfig c) {
        return ServiceHoursConfig.fromMap(c.tree("hours"), SpecialDayStore.none(), Clock.systemUTC());
    }

    static ZonedDateTime at(String t) {
        return ZonedDateTime.of(LocalDateTime.parse(t), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theShippedDefaultsBuild() {
        ServiceHours h = hours(HotlineConfig.defaultsOnly());
        assertEquals(Set.of("default", "社保", "医保", "公积金", "12345"), h.groups());
        assertTrue(h.isOpen("社保", ServiceKind.CHAT, at("2025-02-08T09:00")));     // 调休上班
        assertFalse(h.isOpen("社保", ServiceKind.CHAT, at("2025-02-03T09:00")));    // 春节
        assertTrue(h.isOpen("12345", ServiceKind.PHONE, at("2025-02-03T03:00")));
        assertEquals("人工服务将于2月5日（星期三）08:30恢复", h.backPhrase("医保", ServiceKind.HANDOFF, at("2025-01-27T18:00")));
    }

    @Test
    void aFileMayAddGroupsAndTheEnvironmentChangesWindows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hotline.yml");
        Files.writeString(file, """
                hours:
                  groups:
                    医保:
                      saturday: ["09:00-12:00"]
                    不动产:
                      workday: ["09:00-17:00"]
                """);
        HotlineConfig c = HotlineConfig.load(file, Map.of("HOTLINE_HOURS_GROUPS_DEFAULT_WORKDAY", "08:00-12:00,14:00-18:00"));
        ServiceHours h = hours(c);
        assertTrue(h.isOpen("医保", ServiceKind.CHAT, at("2025-03-08T10:00")));
        assertTrue(h.isOpen("不动产", ServiceKind.CHAT, at("2025-03-03T12:30")));
        assertTrue(h.isOpen("社保", ServiceKind.CHAT, at("2025-03-03T17:45")), "env changed default's workday");
        assertFalse(h.isOpen("社保", ServiceKind.CHAT, at("2025-03-03T13:45")));
    }

    @Test
    void aTypoInsideAGroupIsStillReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hotline.yml");
        Files.writeString(file, "hours:\n  groups:\n    医保:\n      saturdy: [\"09:00-12:00\"]\n");
        HotlineConfig c = HotlineConfig.load(file, Map.of());
        HoursConfigException e = assertThrows(HoursConfigException.class, () -> hours(c));
        assertTrue(e.getMessage().contains("hours.groups.医保.saturdy"), e.getMessage());
        Files.writeString(file, "hours:\n  time-zon: UTC\n");
        ConfigException ce = assertThrows(ConfigException.class, () -> HotlineConfig.load(file, Map.of()));
        assertTrue(ce.getMessage().contains("hours.time-zon"), ce.getMessage());
    }
}
