package org.openhotline.server.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.desk.Desk;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;
import org.openhotline.desk.canned.CannedReply;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.presence.AgentState;
import org.openhotline.server.auth.Gate;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.JsonBody;

/**
 * What helps the agent answer: canned replies (personal, and shared ones that leaders keep), knowledge-base answers
 * for the citizen's last message, the directory for transfers and invitations, and the satisfaction figures.
 */
final class DeskHelpController {
    static final int ASSIST_TOP = 3;
    private final Desk desk;
    private final ObjectMapper json;
    private final People people;

    DeskHelpController(Desk desk, ObjectMapper json, People people) {
        this.desk = desk;
        this.json = json;
        this.people = people;
    }

    void canned(Context ctx) {
        Account me = Gate.require(ctx, AgentChatController.WORKERS);
        String q = ctx.queryParam("q");
        List<Map<String, Object>> list = desk.cannedReplies(People.idOf(me), q == null ? "" : q.strip()).stream().map(DeskHelpController::canned).toList();
        ctx.json(Map.of("replies", list));
    }

    /** {"title","text","shared"}: shared replies are for every agent, so only leaders and supervisors may write them. */
    void saveCanned(Context ctx) {
        Account me = Gate.require(ctx, AgentChatController.WORKERS);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"title\":\"…\",\"text\":\"…\"}", List.of("id", "title", "text", "shared"));
        String title = JsonBody.text(body, "title").strip();
        String text = JsonBody.text(body, "text").strip();
        boolean shared = body.path("shared").asBoolean(false);
        if (title.isEmpty() || title.length() > 50) throw new BadRequest(400, "bad_title", "a title has 1 to 50 characters");
        if (text.isEmpty() || text.length() > AgentChatController.MAX_TEXT) throw new BadRequest(400, "bad_text", "a reply has 1 to " + AgentChatController.MAX_TEXT + " characters");
        if (shared && !me.has(Role.GROUP_LEADER, Role.SUPERVISOR)) throw new BadRequest(403, "forbidden", "only group leaders keep shared replies");
        CannedReply saved = desk.saveCannedReply(People.idOf(me), body.path("id").asLong(0), title, text, shared);
        ctx.status(201).json(canned(saved));
    }

    void deleteCanned(Context ctx) {
        Account me = Gate.require(ctx, AgentChatController.WORKERS);
        long id = Resume.number(ctx.pathParam("id"));
        if (!desk.deleteCannedReply(People.idOf(me), id)) throw new BadRequest(404, "not_found", "no such canned reply of yours");
        ctx.status(204);
    }

    private static Map<String, Object> canned(CannedReply c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("text", c.text());
        m.put("shared", c.shared());
        m.put("group", c.groupCode());
        return m;
    }

    /** Knowledge-base answers for the citizen's last message in the chat. */
    void assist(Context ctx) {
        Account me = Gate.require(ctx, AgentChatController.VIEWERS);
        Chat chat = desk.chat(ctx.pathParam("id"));
        AgentChatController.mayLook(me, chat);
        ctx.json(Map.of("suggestions", desk.assist(chat.chatId(), ASSIST_TOP)));
    }

    /** Who and where a chat can go: agents (with presence), leaders to invite, groups, end reasons, rating tags. */
    void directory(Context ctx) {
        Account me = Gate.require(ctx, AgentChatController.VIEWERS);
        Map<String, String> presence = new java.util.HashMap<>();
        for (AgentState s : desk.agents()) presence.put(s.agentId(), s.presence().name());
        List<Map<String, Object>> agents = people.agents().stream().filter(a -> a.id() != me.id())
                .map(a -> person(a, presence.getOrDefault(People.idOf(a), "OFFLINE"))).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agents", agents);
        out.put("leaders", agents.stream().filter(a -> Boolean.TRUE.equals(a.get("leader"))).toList());
        out.put("groups", desk.groups().list().stream().filter(g -> g.enabled()).map(g -> Map.of("code", g.code(), "name", g.name())).toList());
        out.put("endReasons", desk.endReasons().entrySet().stream().map(e -> Map.of("code", e.getKey(), "label", e.getValue())).toList());
        out.put("ratingTags", desk.ratingTags());
        ctx.json(out);
    }

    private static Map<String, Object> person(Account a, String presence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("displayName", a.displayName());
        m.put("presence", presence);
        m.put("groups", a.skillGroups());
        m.put("leader", a.roles().contains(Role.GROUP_LEADER) || a.roles().contains(Role.ADMIN));
        return m;
    }

    /** {@code GET /api/desk/ratings?from=…&to=…} (ISO instants, default the last 30 days): per agent, for leaders and supervisors. */
    void ratings(Context ctx) {
        Gate.require(ctx, Role.GROUP_LEADER, Role.SUPERVISOR);
        Instant to = instant(ctx.queryParam("to"), Instant.now());
        Instant from = instant(ctx.queryParam("from"), to.minus(30, ChronoUnit.DAYS));
        ctx.json(Map.of("from", from.toString(), "to", to.toString(), "agents", desk.satisfactionByAgent(from, to).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agentId", s.agentId());
            m.put("agentName", people.nameOf(s.agentId()));
            m.put("ratings", s.ratings());
            m.put("average", s.average());
            m.put("byLevel", s.byLevel());
            m.put("satisfiedShare", s.satisfiedShare());
            return m;
        }).toList()));
    }

    private static Instant instant(String s, Instant absent) {
        if (s == null || s.isBlank()) return absent;
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, "bad_time", "from/to are ISO instants like 2026-03-01T00:00:00Z");
        }
    }

}
