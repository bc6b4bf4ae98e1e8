package org.openhotline.server.auth;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.openhotline.desk.account.Role;
import org.openhotline.server.http.AdminAuth;
import org.openhotline.server.http.BadRequest;

/**
 * Who may call {@code /api/admin/*}: a signed-in account with the role its part of the API needs (knowledge editing:
 * EDITOR or REVIEWER; question reports: those or SUPERVISOR; the service-level report: SUPERVISOR or GROUP_LEADER; transcripts and handoffs: SUPERVISOR or GROUP_LEADER; the
 * rest: ADMIN), or a script holding
 * {@code server.admin-token} as a bearer token ({@link AdminAuth}: compared in constant time).
 */
final class AdminApiGate {
    static final String BY_TOKEN = "hotline.auth.by-token";
    private static final Map<String, List<Role>> ROLES = Map.of(
            "/api/admin/kb/", List.of(Role.EDITOR, Role.REVIEWER),
            "/api/admin/inbox", List.of(Role.EDITOR, Role.REVIEWER),
            "/api/admin/dictionaries", List.of(Role.EDITOR, Role.REVIEWER),
            "/api/admin/reports", List.of(Role.EDITOR, Role.REVIEWER, Role.SUPERVISOR),
            "/api/admin/reports/service", List.of(Role.SUPERVISOR, Role.GROUP_LEADER), // 接起率 etc.: a leader sees their groups
            "/api/admin/conversations/", List.of(Role.SUPERVISOR, Role.GROUP_LEADER),
            "/api/admin/handoffs", List.of(Role.SUPERVISOR, Role.GROUP_LEADER),
            "/api/admin/telephony/prompts", List.of(Role.ADMIN), // recording the bureau's prompts: before the telephony prefix
            "/api/admin/telephony/", List.of(Role.SUPERVISOR, Role.GROUP_LEADER),
            "/api/admin/wechat/", List.of(Role.SUPERVISOR, Role.GROUP_LEADER));

    private final AdminAuth token;

    /** {@code token} empty: only accounts can call the admin API. */
    AdminApiGate(String token) {
        this.token = token.isBlank() ? null : new AdminAuth(token.strip());
    }

    void check(Context ctx) {
        String h = ctx.header("Authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer", 0, 6)) { // even an empty one: a script that meant the token
            if (token == null) throw new BadRequest(401, "unauthorized", "no admin token is configured (server.admin-token): sign in with an account");
            token.check(ctx);
            ctx.attribute(BY_TOKEN, true);
            return;
        }
        Gate.require(ctx, rolesFor(ctx.path()).toArray(Role[]::new));
    }

    /** True when the request came with the admin token (a script) rather than an account, or accounts are not installed. */
    static boolean byToken(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(BY_TOKEN)) || ctx.attribute(SessionResolver.ATTRIBUTE) == null;
    }

    /** The roles of the longest prefix {@code path} starts with (a part of a part may need other roles); ADMIN for the rest. */
    static List<Role> rolesFor(String path) {
        String best = null;
        for (String prefix : ROLES.keySet()) if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) best = prefix;
        return best == null ? List.of(Role.ADMIN) : ROLES.get(best);
    }
}
