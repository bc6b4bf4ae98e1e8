package org.openhotline.server.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;
import org.openhotline.desk.callback.CallbackOutcome;
import org.openhotline.desk.callback.CallbackStatus;
import org.openhotline.desk.callback.CallbackTask;
import org.openhotline.desk.callback.CallbackViewer;
import org.openhotline.desk.callback.Callbacks;
import org.openhotline.server.auth.Gate;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.ByteRange;
import org.openhotline.server.http.JsonBody;

/**
 * The call-back list over HTTP ({@code /api/desk/callbacks}): agents see their groups' tasks, group leaders and
 * supervisors every group's; agents and leaders claim, call (by hand, or click-to-dial through their own phone) and
 * record the outcome. A number is shown whole only to the
 * agent holding the claim (who dials it). A voice message is served by task, never by a file name from the request.
 */
final class CallbackController {
    private static final Pattern VOICE_FILE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,240}\\.wav");

    private final Callbacks tasks;
    private final ObjectMapper json;
    private final Path voiceMessages;
    private final Supplier<CallbackDialing> dialing;

    /**
     * {@code voiceMessages}: the IVR's messages folder (telephony.messages-dir), null when the phone is off;
     * {@code dialing}: click-to-dial as it is now (the phone channel plugs it in after the routes are registered).
     */
    CallbackController(Callbacks tasks, ObjectMapper json, Path voiceMessages, Supplier<CallbackDialing> dialing) {
        this.tasks = tasks;
        this.json = json;
        this.voiceMessages = voiceMessages;
        this.dialing = dialing;
    }

    void register(Javalin app) {
        app.get("/api/desk/callbacks", this::list);
        app.get("/api/desk/callbacks/{id}", this::detail);
        app.get("/api/desk/callbacks/{id}/audio", this::audio);
        app.post("/api/desk/callbacks/{id}/claim", this::claim);
        app.post("/api/desk/callbacks/{id}/attempt", this::attempt);
        app.post("/api/desk/callbacks/{id}/release", this::release);
        app.post("/api/desk/callbacks/{id}/dial", this::dial);
        app.post("/api/desk/callbacks/{id}/hangup", this::hangup);
    }

    /** {@code ?status=open|claimed|done} (none: the work list), {@code &group=}, {@code &offset=&limit=} (1–500, default 500). */
    void list(Context ctx) {
        Account me = Gate.require(ctx, AgentChatController.VIEWERS);
        CallbackViewer who = viewer(me);
        String status = ctx.queryParam("status");
        CallbackStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = CallbackStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "bad_status", "status must be open, claimed or done");
            }
        }
        int offset = whole(ctx, "offset", 0), limit = whole(ctx, "limit", Callbacks.MAX_PAGE);
        List<CallbackTask> list = tasks.list(who, s, ctx.queryParam("group"), offset, limit);
        boolean more = list.size() == limit && !tasks.list(who, s, ctx.queryParam("group"), offset + limit, 1).isEmpty();
        Instant now = Instant.now();
        ctx.json(Map.of("count", list.size(), "open", list.stream().filter(t -> t.status() == CallbackStatus.OPEN).count(),
                "more", more, "dialEnabled", dialing.get().enabled(), "tasks", list.stream().map(t -> shape(t, who, now)).toList()));
    }

    void detail(Context ctx) {
        CallbackViewer who = viewer(Gate.require(ctx, AgentChatController.VIEWERS));
        ctx.json(shape(tasks.find(who, id(ctx)), who, Instant.now()));
    }

    void claim(Context ctx) {
        CallbackViewer who = viewer(Gate.require(ctx, AgentChatController.WORKERS));
        ctx.json(shape(tasks.claim(who, id(ctx)), who, Instant.now()));
    }

    /** Body {@code {"outcome":"REACHED|NO_ANSWER|WRONG_NUMBER|NOT_NEEDED","notes":"…"}}. */
    void attempt(Context ctx) {
        CallbackViewer who = viewer(Gate.require(ctx, AgentChatController.WORKERS));
        long id = id(ctx);
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"outcome\":\"REACHED\",\"notes\":\"…\"}", List.of("outcome", "notes"));
        CallbackOutcome outcome = CallbackOutcome.fromWire(JsonBody.text(body, "outcome"));
        ctx.json(shape(tasks.attempt(who, id, outcome, JsonBody.text(body, "notes", null)), who, Instant.now()));
    }

    /**
     * Click-to-dial: rings the agent's own phone, then the task's number; 202 with the call's id at once. Only the agent
     * holding the claim; the progress is the task's {@code call} field ({@code GET /api/desk/callbacks/{id}}).
     */
    void dial(Context ctx) {
        CallbackViewer who = viewer(Gate.require(ctx, AgentChatController.WORKERS));
        CallbackTask t = tasks.find(who, id(ctx));
        if (t.status() != CallbackStatus.CLAIMED) throw DeskException.badState("claim the task first");
        if (!who.agentId().equals(t.claimedBy())) throw DeskException.notYours("another agent has claimed this task");
        String callId = dialing.get().dial(who, t);
        ctx.status(202).json(Map.of("callId", callId, "task", shape(t, who, Instant.now())));
    }

    /** Hangs up the task's call back in progress (the agent can also just hang up their phone). */
    void hangup(Context ctx) {
        CallbackViewer who = viewer(Gate.require(ctx, AgentChatController.WORKERS));
        CallbackTask t = tasks.find(who, id(ctx));
        if (!dialing.get().hangup(who, t.id())) throw new BadRequest(409, "no_call", "this task has no call back in progress");
        ctx.json(shape(t, who, Instant.now()));
    }

    void release(Context ctx) {
        CallbackViewer who = viewer(Gate.require(ctx, AgentChatController.WORKERS));
        ctx.json(shape(tasks.release(who, id(ctx)), who, Instant.now()));
    }

    /** The task's voice message as audio/wav (with HTTP Range): only to those who may see the task. */
    void audio(Context ctx) throws IOException {
        CallbackViewer who = viewer(Gate.require(ctx, AgentChatController.VIEWERS));
        CallbackTask t = tasks.find(who, id(ctx));
        Path file = voiceFile(t);
        if (file == null) throw new BadRequest(404, "no_voice_message", "this task has no voice message");
        ctx.header("Cache-Control", "private, no-store");
        ByteRange.send(ctx, Files.newInputStream(file), "audio/wav", Files.size(file)); // Range: the player can seek
    }

    /** The stored name as a plain file of the messages folder, or null: a name with a path in it never leaves the folder. */
    private Path voiceFile(CallbackTask t) {
        if (voiceMessages == null || t.voiceFile() == null || !VOICE_FILE.matcher(t.voiceFile()).matches()) return null;
        Path dir = voiceMessages.toAbsolutePath().normalize();
        Path file = dir.resolve(t.voiceFile()).normalize();
        return file.getParent().equals(dir) && Files.isRegularFile(file) ? file : null;
    }

    static CallbackViewer viewer(Account me) {
        return new CallbackViewer(People.idOf(me), me.skillGroups(), me.has(Role.GROUP_LEADER, Role.SUPERVISOR));
    }

    private static int whole(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 0 && (n >= 1 || name.equals("offset")) && n <= (name.equals("limit") ? Callbacks.MAX_PAGE : 1_000_000)) return n;
        } catch (NumberFormatException ignored) {
            // the same answer as a number out of range
        }
        throw new BadRequest(400, "bad_" + name, name.equals("limit") ? "limit must be a whole number from 1 to " + Callbacks.MAX_PAGE
                : "offset must be a whole number from 0 to 1000000");
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequest(404, "not_found", "no callback task " + ctx.pathParam("id"));
        }
    }

    private Map<String, Object> shape(CallbackTask t, CallbackViewer who, Instant now) {
        boolean mine = t.status() == CallbackStatus.CLAIMED && who.agentId().equals(t.claimedBy());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(t.id()));
        m.put("kind", t.kind().name());
        m.put("phone", mine ? t.phone() : t.phone() == null ? null : t.maskedPhone());
        m.put("phoneShown", mine && t.phone() != null);
        m.put("channel", t.channel());
        m.put("skillGroup", t.skillGroup());
        m.put("reason", t.reason());
        m.put("detail", t.detail());
        m.put("callId", t.callId());
        m.put("sessionId", t.sessionId());
        m.put("handoffId", t.handoffId() == null ? null : String.valueOf(t.handoffId()));
        m.put("chatId", t.chatId() == null ? null : String.valueOf(t.chatId()));
        m.put("voiceSeconds", t.voiceMillis() == null ? null : Math.round(t.voiceMillis() / 1000.0));
        m.put("audioUrl", t.voiceFile() == null ? null : "/api/desk/callbacks/" + t.id() + "/audio");
        m.put("message", t.message());
        m.put("status", t.status().name());
        m.put("claimedBy", t.claimedBy());
        m.put("claimedAt", DeskJson.str(t.claimedAt()));
        m.put("outcome", t.outcome() == null ? null : t.outcome().name());
        m.put("notes", t.notes());
        m.put("attempts", t.attempts());
        m.put("contacts", t.contacts());
        m.put("lastContactAt", DeskJson.str(t.lastContactAt()));
        m.put("dueAt", DeskJson.str(t.dueAt()));
        m.put("overdue", t.overdue(now));
        m.put("createdAt", DeskJson.str(t.createdAt()));
        m.put("doneAt", DeskJson.str(t.doneAt()));
        m.put("call", dialing.get().call(t.id()).orElse(null));
        return m;
    }
}
