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
 * The session cookie is read the first time a request asks (so public pages never touch the session table); a request
 * that changes something must carry the session's CSRF token, and a WebSocket upgrade must come from this server's
 * own pages. Refusals leave as {@code {"error","message"}}: 401 {@code not_signed_in} or {@code session_expired}
 * (pages go back to the sign-in form), 403 {@code forbidden} (wrong role), {@code csrf}, {@code bad_origin} or
 * {@code password_change_required}. {@link AuthRoutes#install} must run before the routes that use the Gate.
 */
public final class Gate {
    static final String ACCOUNT = "hotline.auth.account";

    private Gate() {}

    /** The signed-in account when it holds any of {@code anyOf} (ADMIN always does; none given = any signed-in account). */
    public static Account require(Context ctx, Role... anyOf) {
        SessionResolver.Resolved r = resolver(ctx).resolve(ctx);
        if (SessionResolver.isUpgrade(ctx)) SessionResolver.checkOrigin(ctx);
        Account a = check(r.account(), r.expired(), false, anyOf);
        SessionResolver.checkCsrf(ctx, r);
        return a;
    }

    /** As {@link #require} but lets an account with a generated password through: only for changing that password. */
    static SessionResolver.Resolved signedIn(Context ctx) {
        SessionResolver.Resolved r = resolver(ctx).resolve(ctx);
        check(r.account(), r.expired(), true);
        SessionResolver.checkCsrf(ctx, r);
        return r;
    }

    /** The account a WebSocket was opened by (its upgrade passed {@link #require}); 401 when the upgrade had none. */
    public static Account account(WsContext ws) {
        return check(ws.attribute(ACCOUNT), false, false);
    }

    /** The signed-in account, if any, without refusing (pages that show more to people who are signed in). */
    public static Optional<Account> current(Context ctx) {
        Account a = resolver(ctx).resolve(ctx).account();
        return a == null || a.mustChangePassword() ? Optional.empty() : Optional.of(a);
    }

    private static SessionResolver resolver(Context ctx) {
        SessionResolver r = ctx.attribute(SessionResolver.ATTRIBUTE);
        if (r == null) throw new IllegalStateException("AuthRoutes.install was not called before the routes that use the Gate");
        return r;
    }

    private static Account check(Account account, boolean expired, boolean passwordChange, Role... anyOf) {
        if (account == null) {
            if (expired) throw new BadRequest(401, "session_expired", "the session has ended (idle too long or signed out elsewhere); please sign in again");
            throw new BadRequest(401, "not_signed_in", "please sign in (POST /api/auth/login)");
        }
        if (account.mustChangePassword() && !passwordChange) {
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
