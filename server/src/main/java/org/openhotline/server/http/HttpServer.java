package org.openhotline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.hours.ServiceHours;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.server.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the product (Javalin on virtual threads): the web chat at {@code /}, the chat API
 * and health. Every failure leaves as JSON {@link ApiError}; a bad request is logged once at INFO
 * without its body (it may hold personal data), a server fault at ERROR with its stack.
 */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final HotlineConfig config;
    private final Conversation conversation;
    private final IndexManager indexes;
    private final SensitiveAdmin sensitiveAdmin;
    private ServiceHours hours;
    private final DictionaryAdmin dictionaryAdmin;
    private org.openhotline.bot.log.MessageLog messageLog;
    private org.openhotline.bot.handoff.JdbcHandoffQueue handoffs;
    private org.openhotline.server.editor.EditorServices editor;
    private Javalin app;
    private org.openhotline.server.auth.AuthServices auth;
    private org.openhotline.desk.group.SkillGroupStore skillGroups;
    private java.util.List<String> configuredGroups = java.util.List.of();
    private final java.util.List<java.util.function.Consumer<Javalin>> extraRoutes = new java.util.ArrayList<>();

    public HttpServer(HotlineConfig config, Conversation conversation, IndexManager indexes) {
        this(config, conversation, indexes, null);
    }

    /** With {@code sensitiveAdmin} and a non-empty server.admin-token, the admin API is served under /api/admin. */
    public HttpServer(HotlineConfig config, Conversation conversation, IndexManager indexes, SensitiveAdmin sensitiveAdmin) {
        this(config, conversation, indexes, sensitiveAdmin, null);
    }

    /** Also the NLU dictionaries' admin API under /api/admin/dictionaries when {@code dictionaryAdmin} is given. */
    public HttpServer(HotlineConfig config, Conversation conversation, IndexManager indexes, SensitiveAdmin sensitiveAdmin,
                      DictionaryAdmin dictionaryAdmin) {
        this.config = config;
        this.conversation = conversation;
        this.indexes = indexes;
        this.sensitiveAdmin = sensitiveAdmin;
        this.dictionaryAdmin = dictionaryAdmin;
    }

    /** With a non-empty server.admin-token, serves the special-day calendar admin under /api/admin/calendar; call before start. */
    public HttpServer calendarAdmin(ServiceHours hours) {
        this.hours = hours;
        return this;
    }

    /** With a non-empty server.admin-token, serves transcripts and handoffs under /api/admin; call before start. */
    public HttpServer conversationAdmin(org.openhotline.bot.log.MessageLog log, org.openhotline.bot.handoff.JdbcHandoffQueue queue) {
        this.messageLog = log;
        this.handoffs = queue;
        return this;
    }

    /** With a non-empty server.admin-token, serves the knowledge editors' workflow under /api/admin/kb and /api/admin/inbox; call before start. */
    public HttpServer editorAdmin(org.openhotline.server.editor.EditorServices services) {
        this.editor = services;
        return this;
    }

    /** Accounts and sign-in (issue 7): /api/auth, the role Gate, and accounts on the admin API besides the token; call before start. */
    public HttpServer auth(org.openhotline.server.auth.AuthServices auth, org.openhotline.desk.group.SkillGroupStore skillGroups,
                           java.util.List<String> configuredGroups) {
        this.auth = auth;
        this.skillGroups = skillGroups;
        this.configuredGroups = configuredGroups;
        return this;
    }

    /** Routes a channel adds (e.g. /wechat/callback), registered at start; call before start. */
    public HttpServer routes(java.util.function.Consumer<Javalin> register) {
        extraRoutes.add(register);
        return this;
    }

    public HttpServer start() {
        ObjectMapper json = new ObjectMapper();
        long maxBody = config.integer("server.max-body-kb") * 1024L;
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = true;
            cfg.http.maxRequestSize = maxBody;
            cfg.jsonMapper(new JavalinJackson(json, true));
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
        });
        String token = config.string("server.admin-token").strip();
        if (auth != null) org.openhotline.server.auth.AuthRoutes.install(app, json, auth, token, skillGroups, configuredGroups); // before any route using the Gate
        ChatController chat = new ChatController(json, conversation);
        app.post("/api/chat", chat::chat);
        app.get("/api/chat/welcome", chat::welcome);
        app.post("/api/chat/feedback", chat::feedback);
        app.get("/health", new HealthController(indexes)::health);
        extraRoutes.forEach(r -> r.accept(app));
        boolean adminApi = auth != null || !token.isEmpty(); // accounts, or the token alone (tests and tools without accounts)
        if (auth == null && adminApi && (sensitiveAdmin != null || hours != null || dictionaryAdmin != null || messageLog != null || editor != null)) {
            app.before("/api/admin/*", new AdminAuth(token)::check);
        }
        if (messageLog != null && handoffs != null && adminApi) {
            ConversationAdminController conv = new ConversationAdminController(json, messageLog, handoffs);
            app.get("/api/admin/conversations/{sessionId}", conv::transcript);
            app.get("/api/admin/handoffs", conv::handoffs);
        }
        if (dictionaryAdmin != null && adminApi) {
            DictionaryPublishController publish = new DictionaryPublishController(json, dictionaryAdmin);
            DictionaryAdminController dictionaries = new DictionaryAdminController(json, dictionaryAdmin);
            app.get("/api/admin/dictionaries", publish::summary);
            app.post("/api/admin/dictionaries/publish", publish::publish); // before {kind}: "publish" is no kind
            app.get("/api/admin/dictionaries/{kind}", dictionaries::list);
            app.post("/api/admin/dictionaries/{kind}", dictionaries::add);
            app.delete("/api/admin/dictionaries/{kind}/{id}", dictionaries::remove);
        }
        if (sensitiveAdmin != null && adminApi) {
            SensitiveAdminController admin = new SensitiveAdminController(json, sensitiveAdmin);
            app.get("/api/admin/sensitive-words", admin::listWords);
            app.post("/api/admin/sensitive-words", admin::addWord);
            app.delete("/api/admin/sensitive-words/{category}/{word}", admin::removeWord);
            app.get("/api/admin/sensitive-whitelist", admin::listWhitelist);
            app.post("/api/admin/sensitive-whitelist", admin::addWhitelist);
            app.delete("/api/admin/sensitive-whitelist/{phrase}", admin::removeWhitelist);
            app.get("/api/admin/sensitive-audit", admin::audit);
        }
        if (hours != null && adminApi) {
            CalendarAdminController calendar = new CalendarAdminController(json, hours);
            app.get("/api/admin/calendar/special-days", calendar::list);
            app.put("/api/admin/calendar/special-days/{date}", calendar::put);
            app.delete("/api/admin/calendar/special-days/{date}", calendar::remove);
            app.get("/api/admin/calendar/days", calendar::days);
        }
        if (editor != null && adminApi) EditorRoutes.register(app, json, editor);
        app.exception(BadRequest.class, (e, ctx) -> {
            log.info("refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.attribute(EditorRoutes.ANSWERED, true); // a deliberate 404 (no such user …) keeps its own code
            ctx.status(e.status()).json(new ApiError(e.code(), e.getMessage()));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            log.info("refused {} {}: {} {}", ctx.method(), ctx.path(), e.getStatus(), e.getMessage());
            ctx.status(e.getStatus()).json(new ApiError(codeOf(e.getStatus()), messageOf(e)));
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("failed {} {}", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ApiError("internal_error", "the server could not answer; the fault is logged"));
        });
        app.error(404, ctx -> {
            // the editors' API answers its own 404s (no such change, version, cluster) with their code and message
            if (ctx.path().startsWith("/api/") && ctx.attribute(EditorRoutes.ANSWERED) == null) {
                ctx.json(new ApiError("not_found", "no such API: " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> ctx.json(new ApiError("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
        app.start(config.string("server.host"), config.integer("server.port"));
        return this;
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 413 -> "body_too_large";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            default -> "bad_request";
        };
    }

    private String messageOf(HttpResponseException e) {
        if (e.getStatus() == 413) return "the request body is larger than " + config.integer("server.max-body-kb") + " KB";
        return e.getMessage();
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        if (app != null) app.stop();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
