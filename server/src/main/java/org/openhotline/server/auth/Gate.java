package org.openhotline.server.auth;

import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.Optional;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;
import org.openhotline.server.http.BadRequest;

/**
 * The role check every page, API and WebSocket of the product uses:
 * <pre>
 *   Account me = Gate.require(ctx, Role.AGENT, Role.GROUP_LEADER);          // in an HTTP handler
 *   app.wsBeforeUpgrade("/ws/desk", ctx -> Gate.require(ctx, Role.AGENT));  // on a WebSocket upgrade
 *   Account me = Gate.account(wsCtx);                                        // in onConnect/onMessage
 * </pre>
 * The session cookie is read once per request by {@link AuthFilter} (installed before any other route), which also
 * checks the CSRF header on state-changing requests and the Origin of WebSocket upgrades; the Gate only reads what
 * it found. Refusals leave as {@code {"error","message"}}: 401 {@code not_signed_in} or {@code session_expired}
 * (pages go back to the sign-in form), 403 {@code forbidden} (wrong role) or {@code password_change_required}.
 */
public final class Gate {
    static final String ACCOUNT = "hotline.auth.account";
    static final String EXPIRED = "hotline.auth.expired";
    static final String SESSION = "hotline.auth.session";

    private Gate() {}

    /** The signed-in account when it holds any of {@code anyOf} (ADMIN always does; none given = any signed-in account). */
    public static Account require(Context ctx, Role... anyOf) {
        return check(ctx.attribute(ACCOUNT), Boolean.TRUE.equals(ctx.attribute(EXPIRED)), anyOf);
    }

    /** The account a WebSocket was opened by (its upgrade passed {@link #require}); 401 when the upgrade had none. */
    public static Account account(WsContext ws) {
        return check(ws.attribute(ACCOUNT), false);
    }

    /** The signed-in account, if any, without refusing (pages that show more to people who are signed in). */
    public static Optional<Account> current(Context ctx) {
        Account a = ctx.attribute(ACCOUNT);
        return a == null || a.mustChangePassword() ? Optional.empty() : Optional.of(a);
    }

    private static Account check(Account account, boolean expired, Role... anyOf) {
        if (account == null) {
            if (expired) throw new BadRequest(401, "session_expired", "the session has ended (idle too long or signed out elsewhere); please sign in again");
            throw new BadRequest(401, "not_signed_in", "please sign in (POST /api/auth/login)");
        }
        if (account.mustChangePassword()) {
            throw new BadRequest(403, "password_change_required", "change the password first (POST /api/auth/password)");
        }
        if (!account.has(anyOf)) throw new BadRequest(403, "forbidden", "this needs the role " + roles(anyOf));
        return account;
    }

    private static String roles(Role... anyOf) {
        StringBuilder b = new StringBuilder();
        for (Role r : anyOf) b.append(b.isEmpty() ? "" : " or ").append(r.name());
        return b.toString();
    }
}
