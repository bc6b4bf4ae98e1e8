package org.openhotline.server.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.LoginSessions;
import org.openhotline.server.http.BadRequest;

/**
 * Reads the session cookie of one request, at most once and only when something asks ({@link Gate}), so public pages
 * and the citizens' chat never touch the session table. Also the two browser-forgery checks: the CSRF header on
 * state-changing requests that use the session, and the Origin of a WebSocket upgrade.
 */
final class SessionResolver {
    static final String COOKIE = "hotline_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String ATTRIBUTE = "hotline.auth.resolver";
    private static final String RESOLVED = "hotline.auth.resolved";

    private final AuthServices auth;

    SessionResolver(AuthServices auth) {
        this.auth = auth;
    }

    /** The session behind a request: its account (null when none) and whether a cookie was sent that no longer works. */
    record Resolved(Account account, String csrf, boolean expired) {}

    Resolved resolve(Context ctx) {
        Resolved cached = ctx.attribute(RESOLVED);
        if (cached != null) return cached;
        String token = ctx.cookie(COOKIE);
        Resolved r;
        if (token == null || token.isEmpty()) {
            r = new Resolved(null, null, false);
        } else {
            Optional<LoginSessions.Active> s = auth.sessions().resolve(token);
            Optional<Account> a = s.flatMap(active -> auth.accounts().find(active.userId())).filter(acc -> !acc.disabled());
            r = a.isPresent() ? new Resolved(a.get(), s.get().csrf(), false) : new Resolved(null, null, true);
        }
        ctx.attribute(RESOLVED, r);
        if (r.account() != null) ctx.attribute(Gate.ACCOUNT, r.account());
        return r;
    }

    /** 403 {@code csrf} unless a request that changes something carries the session's token. */
    static void checkCsrf(Context ctx, Resolved r) {
        String m = ctx.method().name();
        if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) return;
        String given = ctx.header(CSRF_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), r.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new BadRequest(403, "csrf", "missing or wrong " + CSRF_HEADER + " header (the token comes with login and GET /api/auth/me)");
        }
    }

    /** A WebSocket may only be opened from this server's own pages (browsers send Origin on every upgrade). */
    static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) return; // not a browser: it cannot carry a victim's cookie
        String host = ctx.header("Host");
        String originHost;
        try {
            URI u = URI.create(origin);
            originHost = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (host == null || originHost == null || !host.equalsIgnoreCase(originHost)) {
            throw new BadRequest(403, "bad_origin", "a WebSocket must be opened from this server's own pages");
        }
    }

    static boolean isUpgrade(Context ctx) {
        return "websocket".equalsIgnoreCase(ctx.header("Upgrade"));
    }
}
