package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhotline.server.http.TestServer.assertError;
import static org.openhotline.server.http.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.server.Await;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * Agents' softphones on the whole product: the admin sets a SIP password (only its digest hash is stored), the demo's
 * agent1 registers with its sample one from a real SIP user agent, supervisors see the phone, agents may not.
 */
class SoftphoneApiTest {
    static final String DB = "jdbc:h2:mem:softphones" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";

    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_DATABASE_URL", DB).env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true")
            .env("HOTLINE_AUTH_ARGON2_MEMORY_KIB", "64").env("HOTLINE_AUTH_ARGON2_ITERATIONS", "1")
            .env("HOTLINE_TELEPHONY_ENABLED", "true").env("HOTLINE_SIP_PORT", "0")
            .env("HOTLINE_TELEPHONY_RTP_PORT_MIN", "42000").env("HOTLINE_TELEPHONY_RTP_PORT_MAX", "42999").build();

    SignedInClient as(String user) throws Exception {
        SignedInClient c = new SignedInClient(server.app().port());
        ok(c.login(user, "demo-" + user + "-2026"), 200);
        return c;
    }

    long idOf(SignedInClient admin, String username) throws Exception {
        for (JsonNode u : ok(admin.call("GET", "/api/admin/users", null), 200).get("users"))
            if (u.get("username").asText().equals(username)) return u.get("id").asLong();
        throw new AssertionError("no user " + username);
    }

    @Test
    void theAdminSetsASipPasswordAndOnlyItsDigestHashIsStored() throws Exception {
        SignedInClient admin = as("admin");
        long id = idOf(admin, "agent2");
        String path = "/api/admin/users/" + id + "/sip-password";
        assertError(as("agent2").call("PUT", path, "{\"password\":\"agent2-own-pick\"}"), 403, "forbidden");
        for (String notAdmin : new String[] {"leader1", "supervisor1"}) { // they may list phones, never set a password
            assertError(as(notAdmin).call("PUT", path, "{\"password\":\"agent2-own-pick\"}"), 403, "forbidden");
            assertError(as(notAdmin).call("GET", path, null), 403, "forbidden");
        }
        assertError(admin.send("PUT", path, "{\"password\":\"agent2-own-pick\"}", null), 403, "csrf");
        assertError(admin.call("PUT", path, "{\"password\":\"short\"}"), 400, "weak_password");
        assertError(admin.call("PUT", path, "{\"pass\":\"agent2-new-sip\"}"), 400, "unknown_field");
        assertError(admin.call("PUT", path, "not json"), 400, "malformed_json");
        assertEquals(204, admin.call("PUT", path, "{\"password\":\"agent2-new-sip\"}").statusCode());
        assertTrue(ok(admin.call("GET", path, null), 200).get("set").asBoolean());
        try (var c = DriverManager.getConnection(DB); var ps = c.prepareStatement("SELECT ha1, realm FROM sip_credential WHERE user_id = ?")) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("openhotline", rs.getString(2));
                assertEquals(md5("agent2:openhotline:agent2-new-sip"), rs.getString(1));
            }
        }
        assertEquals(204, admin.call("DELETE", path, null).statusCode());
        assertError(admin.call("DELETE", path, null), 404, "no_sip_password");
        assertFalse(ok(admin.call("GET", path, null), 200).get("set").asBoolean());
        assertError(admin.call("PUT", "/api/admin/users/999999/sip-password", "{\"password\":\"agent2-new-sip\"}"), 404, "no_user");
        assertError(admin.call("PUT", "/api/admin/users/x/sip-password", "{\"password\":\"agent2-new-sip\"}"), 400, "bad_id");
    }

    @Test
    void theDemoAgentsPhoneRegistersAndSupervisorsSeeIt() throws Exception {
        int sip = server.app().telephony().orElseThrow().sipPort();
        SipSettings phone = SipSettings.local(0).withRtpPorts(43000, 43100)
                .withRegistrar("sip:127.0.0.1:" + sip, "agent1", "demo-sip-agent1", Duration.ofSeconds(300));
        try (SipUserAgent softphone = SipUserAgent.start(phone, call -> {})) {
            Await.until(softphone::registered, "the registrar accepted agent1's sample SIP password"); // was 5 s
            String contact = server.app().phones().orElseThrow().contactOf("agent1").orElseThrow();
            assertEquals("sip:agent1@127.0.0.1:" + softphone.port(), contact);
            JsonNode list = ok(as("supervisor1").call("GET", "/api/admin/telephony/phones", null), 200);
            assertEquals(1, list.get("count").asInt());
            JsonNode p = list.get("phones").get(0);
            assertEquals("agent1", p.get("user").asText());
            assertEquals(contact, p.get("contact").asText());
            assertEquals("udp", p.get("transport").asText());
            assertEquals("OpenHotline", p.get("userAgent").asText());
            assertTrue(p.get("expiresInSeconds").asInt() > 200, p.toString());
            assertEquals(200, as("leader1").call("GET", "/api/admin/telephony/phones", null).statusCode());
            assertError(as("agent1").call("GET", "/api/admin/telephony/phones", null), 403, "forbidden");
        }
    }

    private static String md5(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
