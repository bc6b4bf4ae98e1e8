package org.openhotline.bot.hours;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/** The hours section as the server passes it (a YAML subtree as maps), with the shipped defaults' shape. */
final class HoursFixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String HOURS = """
            time-zone: Asia/Shanghai
            calendar-dir: ""
            search-days: 30
            special-days-refresh-seconds: 0
            groups:
              default:
                workday: ["08:30-12:00", "13:30-17:30"]
                weekend: []
                holiday: []
                handoff:
                  workday: ["08:30-11:45", "13:30-17:15"]
              社保: {}
              医保:
                saturday: ["09:00-12:00"]
              公积金:
              "12345":
                workday: [24h]
                weekend: [24h]
                holiday: [24h]
                shared-special-days: false
            """;

    private HoursFixtures() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String text) {
        try {
            Map<String, Object> m = new ObjectMapper(new YAMLFactory()).readValue(text, Map.class);
            return m == null ? Map.of() : m;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ServiceHours hours(SpecialDayStore store) {
        return ServiceHoursConfig.fromMap(yaml(HOURS), store, Clock.fixed(at("2025-03-03T09:00").toInstant(), SHANGHAI));
    }

    /** A Shanghai wall-clock time. */
    static ZonedDateTime at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI);
    }
}
