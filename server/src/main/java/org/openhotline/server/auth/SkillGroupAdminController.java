package org.openhotline.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.desk.group.RoutingStrategy;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.group.SkillGroupStore;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.JsonBody;

/**
 * {@code /api/admin/skill-groups} for the admin page: the desk's group definitions (routing strategy, saturation,
 * overflow, queue timeout) read and written through the desk's {@link SkillGroupStore}; ADMIN only.
 */
final class SkillGroupAdminController {
    private static final List<String> FIELDS = List.of("name", "strategy", "saturation", "overflowGroup", "overflowAfterSeconds",
            "queueTimeoutSeconds", "welcome", "enabled");
    private static final int MAX_SECONDS = 7 * 24 * 3600;

    private final ObjectMapper json;
    private final SkillGroupStore store;
    private final List<String> configured;

    SkillGroupAdminController(ObjectMapper json, SkillGroupStore store, List<String> configured) {
        this.json = json;
        this.store = store;
        this.configured = configured;
    }

    /** {@code groups}: the definitions; {@code skillGroups}: every code a user may be given (defined or routed to by the bot). */
    void list(Context ctx) {
        List<SkillGroup> groups = store == null ? List.of() : store.list();
        Set<String> codes = new LinkedHashSet<>();
        groups.forEach(g -> codes.add(g.code()));
        codes.addAll(configured);
        ctx.json(Map.of("skillGroups", List.copyOf(codes), "groups", groups.stream().map(SkillGroupAdminController::json).toList()));
    }

    void save(Context ctx) {
        String code = code(ctx);
        JsonNode b = JsonBody.object(json, ctx.body(), "the group's fields", FIELDS);
        SkillGroup g;
        try {
            String strategy = JsonBody.text(b, "strategy", "least-busy");
            g = new SkillGroup(code, JsonBody.text(b, "name", code), RoutingStrategy.fromWire(strategy), integer(b, "saturation", 0, 50),
                    JsonBody.text(b, "overflowGroup", null), Duration.ofSeconds(integer(b, "overflowAfterSeconds", 0, MAX_SECONDS)),
                    Duration.ofSeconds(b.hasNonNull("queueTimeoutSeconds") ? integer(b, "queueTimeoutSeconds", 10, MAX_SECONDS) : 600),
                    blankToNull(JsonBody.text(b, "welcome", null)), !b.hasNonNull("enabled") || b.get("enabled").asBoolean(true));
            if (g.name().length() > 200 || (g.welcome() != null && g.welcome().length() > 1000)) {
                throw new IllegalArgumentException("a name is at most 200 characters, a welcome at most 1000");
            }
            if (g.overflowGroup() != null && store.find(g.overflowGroup()).isEmpty()) {
                throw new IllegalArgumentException("the overflow group '" + g.overflowGroup() + "' is not defined");
            }
            store.save(g);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_skill_group", e.getMessage());
        }
        ctx.json(json(g));
    }

    void delete(Context ctx) {
        if (!store.delete(code(ctx))) throw new BadRequest(404, "no_skill_group", "no skill group " + ctx.pathParam("code"));
        ctx.status(204);
    }

    private String code(Context ctx) {
        if (store == null) throw new BadRequest(404, "not_found", "skill groups are not served here");
        String code = ctx.pathParam("code").strip();
        if (!org.openhotline.desk.group.GroupCodes.valid(code)) throw new BadRequest(400, "bad_code", org.openhotline.desk.group.GroupCodes.RULE);
        return code;
    }

    private static int integer(JsonNode b, String field, int min, int max) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) return min;
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw new BadRequest(400, "bad_" + field, "field '" + field + "' must be a whole number from " + min + " to " + max);
        }
        return n.asInt();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> json(SkillGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", g.code());
        m.put("name", g.name());
        m.put("strategy", g.strategy().wireName());
        m.put("saturation", g.saturation());
        m.put("overflowGroup", g.overflowGroup());
        m.put("overflowAfterSeconds", g.overflowAfter().toSeconds());
        m.put("queueTimeoutSeconds", g.queueTimeout().toSeconds());
        m.put("welcome", g.welcome());
        m.put("enabled", g.enabled());
        return m;
    }
}
