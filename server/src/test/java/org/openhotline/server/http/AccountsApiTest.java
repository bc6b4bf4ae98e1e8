package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhotline.server.http.TestServer.assertError;
import static org.openhotline.server.http.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Accounts over real HTTP on the whole product: sign-in, CSRF, role checks on the admin and editors' APIs, lockout. */
class AccountsApiTest {
    static final String TOKEN = "accounts-api-token-123";
    static final String ADMIN_PASSWORD = "first-admin-pass";

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).env("HOTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("HOTLINE_AUTH_LOCKOUT_FAILURES", "3").build();

    SignedInClient browser() {
        return new SignedInClient(server.app().port());
    }

    SignedInClient admin() throws Exception {
        SignedInClient admin = browser();
        ok(admin.login("admin", ADMIN_PASSWORD), 200);
        return admin;
    }

    /** Creates a user over the admin API (as the signed-in admin) and returns a client signed in as them. */
    SignedInClient user(String username, boolean mustChange, String... roles) throws Exception {
        String body = SignedInClient.JSON.writeValueAsString(Map.of("username", username, "password", username + "-password",
                "roles", List.of(roles), "skillGroups", List.of("社保"), "maxChats", 4, "mustChangePassword", mustChange));
        ok(admin().call("POST", "/api/admin/users", body), 201);
        SignedInClient c = browser();
        ok(c.login(username, username + "-password"), 200);
        return c;
    }

    @Test
    void theFirstAdminSignsInAndSeesThemself() throws Exception {
        SignedInClient admin = browser();
        HttpResponse<String> r = admin.login("Admin", ADMIN_PASSWORD);
        JsonNode body = ok(r, 200);
        assertEquals("admin", body.at("/user/username").asText());
        assertEquals(List.of("ADMIN"), List.of(body.at("/user/roles/0").asText()));
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("hotline_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "auth.secure-cookie is off by default");
        assertEquals(body.get("csrf").asText(), ok(admin.call("GET", "/api/auth/me", null), 200).get("csrf").asText());
        assertError(browser().login("admin", "wrong-password"), 401, "bad_credentials");
        assertError(browser().login("nobody", ADMIN_PASSWORD), 401, "bad_credentials");
    }

    @Test
    void aChangeWithoutTheRightCsrfTokenIsRefused() throws Exception {
        SignedInClient admin = admin();
        String body = "{\"username\":\"csrf1\",\"password\":\"csrf1-password\",\"roles\":[\"AGENT\"]}";
        assertError(admin.send("POST", "/api/admin/users", body, null), 403, "csrf");
        assertError(admin.send("POST", "/api/admin/users", body, "wrong-token"), 403, "csrf");
        assertError(admin.send("POST", "/api/auth/password", "{\"current\":\"x\",\"new\":\"y\"}", null), 403, "csrf");
        assertEquals(201, admin.call("POST", "/api/admin/users", body).statusCode());
        ok(admin.send("GET", "/api/admin/users", null, null), 200); // reading needs no token
        // the citizens' chat on the same site ignores the staff cookie: no token needed
        assertEquals(200, admin.send("POST", "/api/chat", "{\"sessionId\":\"csrf-chat\",\"text\":\"你好\"}", null).statusCode());
    }

    @Test
    void anAgentCannotCallTheAdminOrTheEditorsApi() throws Exception {
        SignedInClient agent = user("agent7", false, "AGENT");
        assertError(agent.call("GET", "/api/admin/users", null), 403, "forbidden");
        assertError(agent.call("POST", "/api/admin/users", "{\"username\":\"sneaky\",\"password\":\"sneaky-password\",\"roles\":[\"ADMIN\"]}"), 403, "forbidden");
        assertError(agent.call("POST", "/api/admin/kb/changes", "{\"kind\":\"delete\",\"entryId\":\"si-001\"}"), 403, "forbidden");
        assertError(agent.call("GET", "/api/admin/kb/changes", null), 403, "forbidden");
        assertError(agent.call("GET", "/api/admin/sensitive-words", null), 403, "forbidden");
        assertError(browser().send("GET", "/api/admin/kb/changes", null, null), 401, "not_signed_in");
        assertTrue(admin().call("GET", "/api/admin/users", null).body().contains("\"agent7\""));
    }

    @Test
    void editorsActUnderTheirOwnAccount() throws Exception {
        SignedInClient editor = user("editor7", false, "EDITOR");
        SignedInClient reviewer = user("reviewer7", false, "REVIEWER");
        JsonNode draft = ok(editor.call("POST", "/api/admin/kb/changes", "{\"kind\":\"delete\",\"entryId\":\"si-003\"}"), 201);
        assertEquals("editor7", draft.get("author").asText());
        String approve = "/api/admin/kb/changes/" + draft.get("id").asInt() + "/approve";
        assertError(editor.call("POST", approve, null), 403, "not_reviewer");
        JsonNode approved = ok(reviewer.call("POST", approve, null), 200);
        assertEquals("reviewer7", approved.get("reviewer").asText());
        // a script with the admin token still names its actor in headers
        JsonNode scripted = ok(server.send("POST", "/api/admin/kb/changes", "{\"kind\":\"delete\",\"entryId\":\"si-004\"}", TOKEN), 400);
        assertEquals("missing_user", scripted.get("error").asText());
    }

    @Test
    void signOutEndsTheSessionAndAnUnknownCookieIsExpired() throws Exception {
        SignedInClient editor = user("editor8", false, "EDITOR");
        ok(editor.call("GET", "/api/admin/kb/changes", null), 200);
        assertEquals(204, editor.call("POST", "/api/auth/logout", null).statusCode());
        assertError(editor.call("GET", "/api/auth/me", null), 401, "not_signed_in"); // the cookie was cleared
        assertEquals(204, editor.call("POST", "/api/auth/logout", null).statusCode(), "signing out twice is fine");
    }

    @Test
    void aResetPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        SignedInClient leader = user("leader7", true, "GROUP_LEADER");
        assertTrue(ok(leader.call("GET", "/api/auth/me", null), 200).at("/user/mustChangePassword").asBoolean());
        assertError(leader.call("GET", "/api/admin/handoffs", null), 403, "password_change_required");
        assertError(leader.call("POST", "/api/auth/password", "{\"current\":\"leader7-password\",\"new\":\"short\"}"), 400, "weak_password");
        JsonNode changed = ok(leader.call("POST", "/api/auth/password", "{\"current\":\"leader7-password\",\"new\":\"leader7-own-pass\"}"), 200);
        leader.csrf = changed.get("csrf").asText();
        assertFalse(changed.at("/user/mustChangePassword").asBoolean());
        ok(leader.call("GET", "/api/admin/handoffs", null), 200);
        assertError(leader.call("GET", "/api/admin/users", null), 403, "forbidden");
    }

    @Test
    void disablingAUserSignsThemOutAndTheLastAdminStays() throws Exception {
        SignedInClient agent = user("agent8", false, "AGENT");
        SignedInClient admin = admin();
        JsonNode users = ok(admin.call("GET", "/api/admin/users", null), 200).get("users");
        long agentId = -1, adminId = -1;
        for (JsonNode u : users) {
            if (u.get("username").asText().equals("agent8")) agentId = u.get("id").asLong();
            if (u.get("username").asText().equals("admin")) adminId = u.get("id").asLong();
        }
        JsonNode off = ok(admin.call("PUT", "/api/admin/users/" + agentId, "{\"disabled\":true,\"maxChats\":2}"), 200);
        assertTrue(off.get("disabled").asBoolean());
        assertEquals(2, off.get("maxChats").asInt());
        assertError(agent.call("GET", "/api/auth/me", null), 401, "session_expired");
        assertError(browser().login("agent8", "agent8-password"), 401, "bad_credentials");
        assertError(admin.call("PUT", "/api/admin/users/" + adminId, "{\"roles\":[\"AGENT\"]}"), 409, "last_admin");
        assertError(admin.call("PUT", "/api/admin/users/999999", "{\"maxChats\":1}"), 404, "no_user");
        assertError(admin.call("PUT", "/api/admin/users/" + agentId, "{\"roles\":[\"KING\"]}"), 400, "bad_roles");
        ok(server.admin("GET", "/api/admin/users", null), 200); // the admin token still works for scripts
        assertError(server.send("GET", "/api/admin/users", null, "not-the-token"), 401, "unauthorized");
    }

    @Test
    void onlyAnAdminEditsTheDesksSkillGroups() throws Exception {
        SignedInClient agent = user("agent10", false, "AGENT");
        String body = "{\"name\":\"医保热线\",\"strategy\":\"longest-idle\",\"saturation\":2,\"queueTimeoutSeconds\":300}";
        assertError(agent.call("PUT", "/api/admin/skill-groups/yb", body), 403, "forbidden");
        SignedInClient admin = admin();
        JsonNode saved = ok(admin.call("PUT", "/api/admin/skill-groups/yb", body), 200);
        assertEquals("longest-idle", saved.get("strategy").asText());
        JsonNode all = ok(admin.call("GET", "/api/admin/skill-groups", null), 200);
        assertTrue(all.get("skillGroups").toString().contains("\"yb\"") && all.get("skillGroups").toString().contains("\"社保\""), all.toString());
        JsonNode yb = null;
        for (JsonNode g : all.get("groups")) if (g.get("code").asText().equals("yb")) yb = g;
        assertEquals(300, yb == null ? -1 : yb.get("queueTimeoutSeconds").asInt(), all.toString());
        assertError(admin.call("PUT", "/api/admin/skill-groups/yb", "{\"strategy\":\"random\"}"), 400, "bad_skill_group");
        assertError(admin.call("PUT", "/api/admin/skill-groups/yb", "{\"overflowGroup\":\"nowhere\"}"), 400, "bad_skill_group");
        assertError(admin.call("PUT", "/api/admin/skill-groups/yb", "{\"saturation\":-1}"), 400, "bad_saturation");
        assertEquals(204, admin.call("DELETE", "/api/admin/skill-groups/yb", null).statusCode());
        assertError(admin.call("DELETE", "/api/admin/skill-groups/yb", null), 404, "no_skill_group");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() throws Exception {
        user("agent9", false, "AGENT");
        assertError(browser().login("agent9", "wrong-1"), 401, "bad_credentials");
        assertError(browser().login("agent9", "wrong-2"), 401, "bad_credentials");
        assertError(browser().login("agent9", "wrong-3"), 429, "account_locked");
        assertError(browser().login("agent9", "agent9-password"), 429, "account_locked");
    }
}
