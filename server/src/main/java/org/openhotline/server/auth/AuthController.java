package org.openhotline.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Accounts;
import org.openhotline.desk.account.LoginSessions;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.JsonBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/auth}: sign in, who am I, sign out, change my password. */
final class AuthController {
    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final ObjectMapper json;
    private final AuthServices auth;

    AuthController(ObjectMapper json, AuthServices auth) {
        this.json = json;
        this.auth = auth;
    }

    void login(Context ctx) {
        // a form on another site cannot send JSON without a CORS preflight, so it cannot sign a browser in to its own account
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest(415, "json_required", "send the sign-in as Content-Type: application/json");
        }
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"username\",\"password\"}", List.of("username", "password"));
        String username = JsonBody.text(body, "username");
        Accounts.SignIn result = auth.accounts().signIn(username, JsonBody.text(body, "password"));
        switch (result.outcome()) {
            case OK -> {
                auth.sessions().revoke(ctx.cookie(SessionResolver.COOKIE)); // a fresh id at every sign-in: no session fixation
                open(ctx, result.account());
                log.info("user {} signed in from {}", result.account().username(), ctx.ip());
            }
            case LOCKED -> {
                log.info("sign-in refused: account locked, from {}", ctx.ip());
                throw new BadRequest(429, "account_locked", "too many wrong passwords; this account is locked until "
                        + result.lockedUntil() + " (UTC)");
            }
            default -> {
                log.info("sign-in refused: wrong username or password, from {}", ctx.ip());
                throw new BadRequest(401, "bad_credentials", "wrong username or password");
            }
        }
    }

    void me(Context ctx) {
        SessionResolver.Resolved r = Gate.signedIn(ctx);
        ctx.json(AccountJson.session(r.account(), r.csrf()));
    }

    /** Always ends the cookie; a live session must prove the request came from its own page (CSRF) before it is revoked. */
    void logout(Context ctx) {
        SessionResolver.Resolved r = ((SessionResolver) ctx.attribute(SessionResolver.ATTRIBUTE)).resolve(ctx);
        if (r.account() != null) SessionResolver.checkCsrf(ctx, r);
        auth.sessions().revoke(ctx.cookie(SessionResolver.COOKIE));
        ctx.header("Set-Cookie", cookie("", 0));
        ctx.status(204);
    }

    void changePassword(Context ctx) {
        SessionResolver.Resolved r = Gate.signedIn(ctx);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"current\",\"new\"}", List.of("current", "new"));
        Account a = auth.accounts().changePassword(r.account().id(), JsonBody.text(body, "current"), JsonBody.text(body, "new"));
        open(ctx, a); // every session ended with the change; this browser goes on in a new one
    }

    private void open(Context ctx, Account a) {
        LoginSessions.Opened s = auth.sessions().open(a.id());
        ctx.header("Set-Cookie", cookie(s.token(), -1));
        ctx.header("Cache-Control", "no-store");
        ctx.json(AccountJson.session(a, s.csrf()));
    }

    /** HttpOnly (scripts cannot read it), SameSite=Strict (other sites' pages never send it), Secure behind TLS. */
    private String cookie(String value, int maxAge) {
        return SessionResolver.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (maxAge >= 0 ? "; Max-Age=" + maxAge : "")
                + (auth.secureCookie() ? "; Secure" : "");
    }
}
