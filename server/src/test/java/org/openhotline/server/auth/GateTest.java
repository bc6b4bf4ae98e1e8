package org.openhotline.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.script.MovableClock;
import org.openhotline.desk.account.AccountDraft;
import org.openhotline.desk.account.Accounts;
import org.openhotline.desk.account.JdbcAccountStore;
import org.openhotline.desk.account.LoginSessions;
import org.openhotline.desk.account.PasswordHasher;
import org.openhotline.desk.account.Role;
import org.openhotline.kb.store.Database;
import org.openhotline.server.http.ApiError;
import org.openhotline.server.http.BadRequest;

/**
 * The Gate as another controller uses it, on a small real Javalin app over H2 with a clock the test moves: the idle
 * timeout's 401, and WebSocket upgrades (cookie and Origin checked, the account handed to the socket).
 */
class GateTest {
    private final ObjectMapper json = new ObjectMapper();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    private final Database db = Database.open("jdbc:h2:mem:gate" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
    private final Javalin app;
    private final String base;

    GateTest() {
        LoginSessions sessions = new LoginSessions(db.dataSource(), clock, Duration.ofMinutes(30), Duration.ofHours(12));
        Accounts accounts = new Accounts(new JdbcAccountStore(db.dataSource()), new PasswordHasher(64, 1, 1, 2), sessions, clock,
                new Accounts.Policy(5, Duration.ofMinutes(15), 8));
        accounts.create(new AccountDraft("agent1", "坐席", Set.of(Role.AGENT), List.of("社保"), 3, false), "agent-password", false);
        accounts.create(new AccountDraft("editor1", null, Set.of(Role.EDITOR), List.of(), 0, false), "editor-password", false);
        app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        AuthRoutes.install(app, json, new AuthServices(accounts, sessions, true), "", null, List.of());
        app.get("/api/desk/me", ctx -> ctx.result(Gate.require(ctx, Role.AGENT).username()));
        app.post("/api/desk/presence", ctx -> ctx.result("ok " + Gate.require(ctx, Role.AGENT).username()));
        app.wsBeforeUpgrade("/ws/desk", ctx -> Gate.require(ctx, Role.AGENT));
        app.ws("/ws/desk", ws -> ws.onConnect(c -> c.send("hello " + Gate.account(c).displayName())));
        app.exception(BadRequest.class, (e, ctx) -> ctx.status(e.status()).json(new ApiError(e.code(), e.getMessage())));
        app.start("127.0.0.1", 0);
        base = "127.0.0.1:" + app.port();
    }

    @AfterEach
    void close() {
        app.stop();
        db.close();
    }

    /** The cookie is sent by hand: it is marked Secure here, which Java's cookie store keeps off plain http. */
    private record Browser(HttpClient http, String cookie, String csrf) {}

    private Browser signIn(String user, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://" + base + "/api/auth/login"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                        + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, form.statusCode(), "a cross-site form's text/plain body is no sign-in");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + base + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("; Secure"), "auth.secure-cookie on");
        return new Browser(http, setCookie.substring(0, setCookie.indexOf(';')), json.readTree(r.body()).get("csrf").asText());
    }

    private HttpResponse<String> call(Browser b, String method, String path) throws Exception {
        return b.http.send(HttpRequest.newBuilder(URI.create("http://" + base + path)).header("X-CSRF-Token", b.csrf).header("Cookie", b.cookie)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals(code, body.get("error").asText(), r.body());
    }

    @Test
    void anIdleSessionAnswers401SessionExpired() throws Exception {
        Browser agent = signIn("agent1", "agent-password");
        assertEquals("agent1", call(agent, "GET", "/api/desk/me").body());
        clock.advance(Duration.ofMinutes(29));
        assertEquals("ok agent1", call(agent, "POST", "/api/desk/presence").body());
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, call(agent, "GET", "/api/desk/me").statusCode(), "each request restarts the idle clock");
        clock.advance(Duration.ofMinutes(31));
        assertError(call(agent, "GET", "/api/desk/me"), 401, "session_expired");
        assertError(call(agent, "GET", "/api/auth/me"), 401, "session_expired");
    }

    @Test
    void theWrongRoleIs403AndNoSessionIs401() throws Exception {
        assertError(call(signIn("editor1", "editor-password"), "GET", "/api/desk/me"), 403, "forbidden");
        HttpClient anonymous = HttpClient.newHttpClient();
        assertError(anonymous.send(HttpRequest.newBuilder(URI.create("http://" + base + "/api/desk/me")).build(), HttpResponse.BodyHandlers.ofString()),
                401, "not_signed_in");
    }

    @Test
    void aWebSocketOpensWithTheSessionFromTheSameOriginOnly() throws Exception {
        Browser agent = signIn("agent1", "agent-password");
        String cookie = agent.cookie;
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket ws = open(cookie, "http://" + base, first).get(10, TimeUnit.SECONDS);
        assertEquals("hello 坐席", first.get(10, TimeUnit.SECONDS));
        ws.abort();
        assertUpgradeRefused(open(cookie, "http://evil.example", new CompletableFuture<>()));
        assertUpgradeRefused(open(null, "http://" + base, new CompletableFuture<>()));
        Browser editor = signIn("editor1", "editor-password");
        assertUpgradeRefused(open(editor.cookie, "http://" + base, new CompletableFuture<>()));
    }

    private CompletableFuture<WebSocket> open(String cookie, String origin, CompletableFuture<String> first) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin);
        if (cookie != null) b.header("Cookie", cookie);
        return b.buildAsync(URI.create("ws://" + base + "/ws/desk"), new WebSocket.Listener() {
            @Override
            public CompletableFuture<?> onText(WebSocket w, CharSequence data, boolean last) {
                first.complete(data.toString());
                return null;
            }
        });
    }

    private static void assertUpgradeRefused(CompletableFuture<WebSocket> f) {
        try {
            f.get(10, TimeUnit.SECONDS).abort();
            throw new AssertionError("the upgrade was accepted");
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            assertTrue(e.getCause() instanceof java.net.http.WebSocketHandshakeException, String.valueOf(e.getCause()));
            assertTrue(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode() >= 400);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
