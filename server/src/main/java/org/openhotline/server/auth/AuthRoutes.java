package org.openhotline.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.List;
import java.util.function.Supplier;
import org.openhotline.desk.account.AccountException;
import org.openhotline.server.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hooks accounts into a Javalin app: the {@link Gate}'s session reader, {@code /api/auth}, the admin API's gate and the users API. */
public final class AuthRoutes {
    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);

    private AuthRoutes() {}

    /**
     * Call right after {@code Javalin.create}, before any route that uses the Gate. {@code adminToken} (may be empty) keeps
     * scripts working on {@code /api/admin/*}; {@code skillGroups} are the codes the admin page offers.
     */
    public static void install(Javalin app, ObjectMapper json, AuthServices auth, String adminToken, Supplier<List<String>> skillGroups) {
        SessionResolver resolver = new SessionResolver(auth);
        app.before(ctx -> ctx.attribute(SessionResolver.ATTRIBUTE, resolver));
        app.wsBeforeUpgrade(ctx -> ctx.attribute(SessionResolver.ATTRIBUTE, resolver));
        AuthController c = new AuthController(json, auth);
        app.post("/api/auth/login", c::login);
        app.get("/api/auth/me", c::me);
        app.post("/api/auth/logout", c::logout);
        app.post("/api/auth/password", c::changePassword);
        app.before("/api/admin/*", new AdminApiGate(adminToken)::check);
        UserAdminController users = new UserAdminController(json, auth.accounts(), skillGroups);
        app.get("/api/admin/users", users::list);
        app.post("/api/admin/users", users::create);
        app.put("/api/admin/users/{id}", users::update);
        app.post("/api/admin/users/{id}/password", users::resetPassword);
        app.get("/api/admin/skill-groups", users::groups);
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
