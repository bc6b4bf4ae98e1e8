package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhotline.server.http.TestServer.assertError;
import static org.openhotline.server.http.TestServer.enc;
import static org.openhotline.server.http.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.bot.hours.ServiceKind;

/** The special-day admin API on a real server and database: an edit changes the hours at once, no restart. */
class CalendarAdminApiTest {
    static final String TOKEN = "calendar-admin-token-456";
    static final String PATH = "/api/admin/calendar/special-days";

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).env("HOTLINE_KB_LOAD_SAMPLE", "false").build();

    static ZonedDateTime at(String t) {
        return ZonedDateTime.of(LocalDateTime.parse(t), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void needsTheToken() throws Exception {
        assertError(server.send("GET", PATH, null, null), 401, "not_signed_in"); // no token at all: sign in (accounts, issue 7)
        assertError(server.send("PUT", PATH + "/2025-03-05", "{\"windows\":[]}", "wrong"), 401, "unauthorized");
    }

    @Test
    void aClosedDaySetOverTheApiClosesTheServiceAtOnce() throws Exception {
        assertTrue(server.app().hours().isOpen("社保", ServiceKind.CHAT, at("2025-03-05T10:00")));
        JsonNode put = ok(server.send("PUT", PATH + "/2025-03-05", "{\"windows\":[],\"note\":\"系统升级暂停服务\"}", TOKEN), 201);
        assertEquals("*", put.get("group").asText());
        assertTrue(put.get("closed").asBoolean());
        assertFalse(server.app().hours().isOpen("社保", ServiceKind.CHAT, at("2025-03-05T10:00")));
        assertTrue(server.app().hours().isOpen("12345", ServiceKind.PHONE, at("2025-03-05T10:00")), "12345 skips shared special days");

        JsonNode list = ok(server.send("GET", PATH + "?from=2025-03-01&to=2025-03-31", null, TOKEN), 200);
        assertEquals(1, list.get("count").asInt());
        assertEquals("系统升级暂停服务", list.get("days").get(0).get("note").asText());

        ok(server.send("DELETE", PATH + "/2025-03-05", null, TOKEN), 204);
        assertTrue(server.app().hours().isOpen("社保", ServiceKind.CHAT, at("2025-03-05T10:00")));
        assertError(server.send("DELETE", PATH + "/2025-03-05", null, TOKEN), 404, "not_found");
    }

    @Test
    void aGroupsOwnHoursAndReplacingThem() throws Exception {
        String path = PATH + "/2025-03-15";
        ok(server.send("PUT", path, "{\"group\":\"公积金\",\"windows\":[\"09:00-12:00\"],\"note\":\"周六加班\"}", TOKEN), 201);
        assertTrue(server.app().hours().isOpen("公积金", ServiceKind.CHAT, at("2025-03-15T10:00")));
        assertFalse(server.app().hours().isOpen("社保", ServiceKind.CHAT, at("2025-03-15T10:00")));
        JsonNode replaced = ok(server.send("PUT", path, "{\"group\":\"公积金\",\"windows\":[\"13:00-16:00\"]}", TOKEN), 200);
        assertEquals("13:00-16:00", replaced.get("windows").get(0).asText());
        assertFalse(server.app().hours().isOpen("公积金", ServiceKind.CHAT, at("2025-03-15T10:00")));

        JsonNode days = ok(server.send("GET", "/api/admin/calendar/days?from=2025-03-14&to=2025-03-16&group=" + enc("公积金"), null, TOKEN), 200);
        assertEquals(3, days.get("days").size());
        JsonNode sat = days.get("days").get(1);
        assertEquals("special", sat.get("kind").asText());
        assertEquals("weekend", sat.get("publicKind").asText());
        assertEquals("13:00-16:00", sat.get("chat").get(0).asText());
        assertEquals("08:30-12:00", days.get("days").get(0).get("phone").get(0).asText());

        ok(server.send("DELETE", path + "?group=" + enc("公积金"), null, TOKEN), 204);
    }

    @Test
    void theDaysViewShowsHolidaysAndMakeUpDays() throws Exception {
        JsonNode days = ok(server.send("GET", "/api/admin/calendar/days?from=2025-01-26&to=2025-01-28", null, TOKEN), 200);
        assertEquals("makeup_workday", days.get("days").get(0).get("kind").asText());
        assertEquals("星期日", days.get("days").get(0).get("weekday").asText());
        assertEquals("holiday", days.get("days").get(2).get("kind").asText());
        assertEquals("春节", days.get("days").get(2).get("name").asText());
        assertEquals(0, days.get("days").get(2).get("chat").size());
        assertTrue(days.get("knownYears").toString().contains("2026"));
    }

    @Test
    void badInputGets400() throws Exception {
        assertError(server.send("PUT", PATH + "/2025-02-30", "{\"windows\":[]}", TOKEN), 400, "bad_date");
        assertError(server.send("PUT", PATH + "/2025-03-05", "{\"windows\":[\"17:00-09:00\"]}", TOKEN), 400, "bad_special_day");
        assertError(server.send("PUT", PATH + "/2025-03-05", "{\"windows\":\"09:00-12:00\"}", TOKEN), 400, "bad_windows");
        assertError(server.send("PUT", PATH + "/2025-03-05", "{\"window\":[]}", TOKEN), 400, "unknown_field");
        assertError(server.send("PUT", PATH + "/2025-03-05", "{\"windows\":[],\"note\":\"" + "长".repeat(201) + "\"}", TOKEN), 400, "bad_special_day");
        assertError(server.send("PUT", PATH + "/2025-03-05", "not json", TOKEN), 400, "malformed_json");
        assertError(server.send("GET", PATH + "?from=yesterday", null, TOKEN), 400, "bad_from");
        assertError(server.send("GET", "/api/admin/calendar/days?from=2025-01-01&to=2025-06-01", null, TOKEN), 400, "bad_range");
        assertError(server.send("GET", "/api/admin/calendar/days", null, TOKEN), 400, "missing_from");
        assertEquals(0, ok(server.send("GET", PATH + "?from=2025-03-05&to=2025-03-05", null, TOKEN), 200).get("count").asInt());
    }
}
