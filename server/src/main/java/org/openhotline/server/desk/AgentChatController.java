package org.openhotline.server.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhotline.desk.Desk;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.DeskSnapshot;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.chat.SendResult;
import org.openhotline.desk.chat.TransferTarget;
import org.openhotline.desk.presence.Presence;
import org.openhotline.server.auth.Gate;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.JsonBody;

/**
 * The agent's work on chats over HTTP ({@code /api/desk/…}): presence, snapshot, accept, the chat's detail, sending,
 * typing, read, transfer, invite, end. Agents and group leaders act; supervisors may look. The desk refuses what is
 * not the agent's to do ({@code not_yours}, {@code bad_state}), this layer only checks roles and input.
 */
final class AgentChatController {
    static final Role[] WORKERS = {Role.AGENT, Role.GROUP_LEADER};
    static final Role[] VIEWERS = {Role.AGENT, Role.GROUP_LEADER, Role.SUPERVISOR};
    static final int MAX_TEXT = org.openhotline.desk.TextLimits.MESSAGE_CHARS;
    static final int MAX_NOTE = org.openhotline.desk.TextLimits.NOTES_CHARS;

    private final Desk desk;
    private final ObjectMapper json;
    private final DeskJson shapes;

    AgentChatController(Desk desk, ObjectMapper json, DeskJson shapes) {
        this.desk = desk;
        this.json = json;
        this.shapes = shapes;
    }

    void snapshot(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        DeskSnapshot s = desk.snapshot(People.idOf(me));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("presence", s.agent().presence().name());
        out.put("activeChats", s.agent().activeChats());
        out.put("maxChats", s.agent().maxChats());
        out.put("wrapUpUntil", DeskJson.str(s.agent().wrapUpUntil()));
        out.put("chats", s.chats().stream().map(shapes::chat).toList());
        out.put("queue", s.queue().stream().map(shapes::queueEntry).toList());
        ctx.json(out);
    }

    void presence(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"presence\":\"ONLINE\"}", List.of("presence"));
        Presence p;
        try {
            p = Presence.valueOf(JsonBody.text(body, "presence").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_presence", "presence must be ONLINE, BUSY, AWAY or OFFLINE");
        }
        if (p == Presence.WRAP_UP) throw new BadRequest(400, "bad_presence", "wrap-up starts by itself when a chat ends");
        desk.presence(People.idOf(me), p);
        ctx.json(Map.of("presence", desk.snapshot(People.idOf(me)).agent().presence().name()));
    }

    void accept(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        Chat chat = desk.accept(People.idOf(me), ctx.pathParam("id"));
        ctx.json(detail(chat, 0));
    }

    void decline(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        desk.decline(People.idOf(me), ctx.pathParam("id"));
        ctx.status(204);
    }

    /** {@code GET /api/desk/chats/{id}?after=N}: summary, messages after N, the citizen's history and rating. */
    void detail(Context ctx) {
        Account me = Gate.require(ctx, VIEWERS);
        Chat chat = desk.chat(ctx.pathParam("id"));
        mayLook(me, chat);
        ctx.json(detail(chat, Resume.number(ctx.queryParam("after"))));
    }

    void messages(Context ctx) {
        Account me = Gate.require(ctx, VIEWERS);
        Chat chat = desk.chat(ctx.pathParam("id"));
        mayLook(me, chat);
        String asked = ctx.queryParam("limit");
        int limit = asked == null || asked.isBlank() ? DeskSockets.REPLAY_LIMIT
                : (int) Math.min(Math.max(Resume.number(asked), 1), DeskSockets.REPLAY_LIMIT);
        ctx.json(Map.of("messages", desk.messages(chat.chatId(), Resume.number(ctx.queryParam("after")), limit).stream().map(shapes::message).toList()));
    }

    private Map<String, Object> detail(Chat chat, long after) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chat", shapes.chat(chat));
        out.put("summary", shapes.summary(chat.summary()));
        out.put("messages", desk.messages(chat.chatId(), after, DeskSockets.REPLAY_LIMIT).stream().map(shapes::message).toList());
        out.put("history", desk.history(chat.chatId(), 10).stream().map(shapes::past).toList());
        out.put("rating", chat.status() == ChatStatus.ENDED ? shapes.rating(desk.rating(chat.chatId())) : null);
        return out;
    }

    /** An agent sees chats they are in and the waiting chats of their groups; leaders and supervisors see every chat. */
    static void mayLook(Account me, Chat chat) {
        if (me.has(Role.SUPERVISOR, Role.GROUP_LEADER)) return;
        String id = People.idOf(me);
        boolean in = id.equals(chat.agentId()) || chat.participants().contains(id);
        boolean waiting = chat.status() == ChatStatus.QUEUED && me.skillGroups().contains(chat.skillGroup());
        if (!in && !waiting) throw new DeskException("not_yours", "this chat is not yours");
    }

    /** 201 with the stored message, or 422 {@code sensitive_word} naming the word (nothing stored or sent). */
    void send(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"kind\":\"TEXT\",\"body\":\"…\"}", List.of("kind", "body"));
        MessageKind kind = kind(JsonBody.text(body, "kind", "TEXT"));
        String text = JsonBody.text(body, "body");
        if (text.isBlank()) throw new BadRequest(400, "empty_body", "the message is empty");
        if (text.length() > MAX_TEXT) throw new BadRequest(400, "too_long", "a message has at most " + MAX_TEXT + " characters");
        if (kind == MessageKind.IMAGE && !DeskUploads.isOwnUrl(text)) {
            throw new BadRequest(400, "bad_image", "send images uploaded with POST /api/desk/uploads");
        }
        SendResult r = desk.sendFromAgent(People.idOf(me), ctx.pathParam("id"), kind, text);
        if (!r.isSent()) {
            Map<String, Object> refusal = new LinkedHashMap<>();
            refusal.put("error", "sensitive_word");
            refusal.put("message", r.reason());
            refusal.put("word", r.refusedWords().isEmpty() ? "" : r.refusedWords().get(0));
            refusal.put("words", r.refusedWords());
            ctx.status(422).json(refusal);
            return;
        }
        ctx.status(201).json(shapes.message(r.message()));
    }

    private static MessageKind kind(String s) {
        try {
            MessageKind k = MessageKind.valueOf(s.strip().toUpperCase(Locale.ROOT));
            // NOTE: an internal note citizens never see (the only kind a phone call takes)
            if (k == MessageKind.TEXT || k == MessageKind.IMAGE || k == MessageKind.EMOJI || k == MessageKind.NOTE) return k;
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new BadRequest(400, "bad_kind", "kind must be TEXT, IMAGE, EMOJI or NOTE");
    }

    void typing(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        Chat chat = desk.chat(ctx.pathParam("id"));
        mayLook(me, chat);
        desk.typing(chat.chatId(), People.idOf(me), true);
        ctx.status(204);
    }

    void read(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"seq\":12}", List.of("seq"));
        if (!body.path("seq").canConvertToLong()) throw new BadRequest(400, "bad_seq", "seq must be a number");
        Chat chat = desk.chat(ctx.pathParam("id"));
        mayLook(me, chat);
        desk.read(chat.chatId(), People.idOf(me), body.get("seq").asLong());
        ctx.status(204);
    }

    /** {"toAgent": id} or {"toGroup": code}, and a note for the next agent. */
    void transfer(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"toGroup\":\"医保\",\"note\":\"…\"}", List.of("toAgent", "toGroup", "note"));
        String agent = body.hasNonNull("toAgent") ? body.get("toAgent").asText() : null;
        String group = JsonBody.text(body, "toGroup", null);
        if ((agent == null) == (group == null)) throw new BadRequest(400, "bad_target", "give exactly one of toAgent or toGroup");
        TransferTarget to = agent != null ? TransferTarget.agent(agent) : TransferTarget.group(group);
        ctx.json(Map.of("chat", shapes.chat(desk.transfer(People.idOf(me), ctx.pathParam("id"), to, note(body, "note")))));
    }

    void invite(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"leaderId\":7}", List.of("leaderId", "note"));
        if (!body.hasNonNull("leaderId")) throw new BadRequest(400, "missing_leaderId", "field 'leaderId' is required");
        ctx.json(Map.of("chat", shapes.chat(desk.invite(People.idOf(me), ctx.pathParam("id"), body.get("leaderId").asText()))));
    }

    /** Ends with a configured reason code and the wrap-up notes; the agent goes to wrap-up, the citizen is asked to rate. */
    void end(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"reason\":\"solved\",\"notes\":\"…\"}", List.of("reason", "notes"));
        String reason = JsonBody.text(body, "reason");
        if (!desk.endReasons().containsKey(reason)) {
            throw new BadRequest(400, "bad_reason", "reason must be one of " + String.join(", ", desk.endReasons().keySet()));
        }
        ctx.json(Map.of("chat", shapes.chat(desk.end(People.idOf(me), ctx.pathParam("id"), reason, note(body, "notes")))));
    }

    /** The wrap-up notes of a chat the agent ended, written or corrected during the wrap-up time (or later). */
    void notes(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"notes\":\"…\"}", List.of("notes"));
        ctx.json(Map.of("chat", shapes.chat(desk.notes(People.idOf(me), ctx.pathParam("id"), note(body, "notes")))));
    }

    private static String note(JsonNode body, String field) {
        String n = JsonBody.text(body, field, "").strip();
        if (n.length() > MAX_NOTE) throw new BadRequest(400, "too_long", field + " has at most " + MAX_NOTE + " characters");
        return n;
    }
}
