package org.openhotline.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.List;
import org.openhotline.desk.account.AccountException;
import org.openhotline.desk.group.SkillGroupStore;
import org.openhotline.server.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hooks accounts into a Javalin app: the {@link Gate}'s session reader, {@code /api/auth}, the admin API's gate and the users API. */
public final class AuthRoutes {
    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);

    private AuthRoutes() {}

    /**
     * Call right after {@code Javalin.create}, before any route that uses the Gate. {@code adminToken} (may be empty) keeps
     * scripts working on {@code /api/admin/*}; {@code groups} (null: none served) are the desk's skill groups the admin page
     * edits, and {@code configuredGroups} the codes the bot routes to, offered to users besides the defined ones.
     */
    public static void install(Javalin app, ObjectMapper json, AuthServices auth, String adminToken, SkillGroupStore groups,
                               List<String> configuredGroups) {
        SessionResolver resolver = new SessionResolver(auth);
        app.before(ctx -> ctx.attribute(SessionResolver.ATTRIBUTE, resolver));
        app.wsBeforeUpgrade(ctx -> ctx.attribute(SessionResolver.ATTRIBUTE, resolver));
        AuthController c = new AuthController(json, auth);
        app.post("/api/auth/login", c::login);
        app.get("/api/auth/me", c::me);
        app.post("/api/auth/logout", c::logout);
        app.post("/api/auth/password", c::changePassword);
        app.before("/api/admin/*", new AdminApiGate(adminToken)::check);
        UserAdminController users = new UserAdminController(json, auth.accounts());
        app.get("/api/admin/users", users::list);
        app.post("/api/admin/users", users::create);
        app.put("/api/admin/users/{id}", users::update);
        app.post("/api/admin/users/{id}/password", users::resetPassword);
        SkillGroupAdminController skillGroups = new SkillGroupAdminController(json, groups, configuredGroups);
        app.get("/api/admin/skill-groups", skillGroups::list);
        app.put("/api/admin/skill-groups/{code}", skillGroups::save);
        app.delete("/api/admin/skill-groups/{code}", skillGroups::delete);
        app.exception(AccountException.class, (e, ctx) -> {
            log.info("refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            int status = switch (e.kind()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
            };
            ctx.status(status).json(new ApiError(e.code(), e.getMessage()));
        });
    }

    /** True when an admin API request came with the admin token (a script), not from a signed-in account. */
    public static boolean byAdminToken(io.javalin.http.Context ctx) {
        return AdminApiGate.byToken(ctx);
    }
}
