package org.openhotline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.bot.handoff.JdbcHandoffQueue;
import org.openhotline.bot.log.LoggedMessage;
import org.openhotline.bot.log.MessageLog;

/**
 * {@code /api/admin/conversations/{sessionId}} and {@code /api/admin/handoffs}: what the bot said to whom and
 * what it handed over, read from the message log and the handoff queue (the agent console and the editors'
 * inbox build on these).
 */
final class ConversationAdminController {
    static final int MAX = 500;
    private static final Set<String> STATUSES = Set.of("open", "taken", "closed");
    private static final Set<String> KINDS = Set.of("transfer", "message", "callback");

    private final ObjectMapper json;
    private final MessageLog log;
    private final JdbcHandoffQueue handoffs;

    ConversationAdminController(ObjectMapper json, MessageLog log, JdbcHandoffQueue handoffs) {
        this.json = json;
        this.log = log;
        this.handoffs = handoffs;
    }

    void transcript(Context ctx) {
        String sid = ctx.pathParam("sessionId");
        List<LoggedMessage> messages = log.transcript(sid, limit(ctx, 100));
        ctx.json(HttpServer.map("sessionId", sid, "count", messages.size(), "messages", messages.stream().map(this::toJson).toList()));
    }

    void handoffs(Context ctx) {
        String status = oneOf(ctx.queryParam("status"), STATUSES, "status");
        String kind = oneOf(ctx.queryParam("kind"), KINDS, "kind");
        List<JdbcHandoffQueue.Stored> rows = handoffs.list(status, kind, limit(ctx, 50));
        ctx.json(HttpServer.map("count", rows.size(), "handoffs", rows.stream().map(this::toJson).toList()));
    }

    private Map<String, Object> toJson(LoggedMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("at", m.at().toString());
        out.put("direction", m.direction());
        out.put("channel", m.channel());
        out.put("text", m.body());
        if (!m.inbound()) {
            out.put("type", m.replyType());
            out.put("act", m.act());
            out.put("entryId", m.entryId());
            out.put("flowId", m.flowId());
            out.put("confidence", m.confidence());
            out.put("reason", m.reason());
            out.put("latencyMs", m.latencyMs());
        } else {
            out.put("nlu", parse(m.nlu()));
        }
        return out;
    }

    private Map<String, Object> toJson(JdbcHandoffQueue.Stored h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", h.id());
        out.put("sessionId", h.sessionId());
        out.put("channel", h.channel());
        out.put("kind", h.kind());
        out.put("reason", h.reason());
        out.put("skillGroup", h.skillGroup());
        out.put("status", h.status());
        out.put("createdAt", h.createdAt().toString());
        out.put("summary", parse(h.summary()));
        return out;
    }

    private Object parse(String text) {
        if (text == null) return null;
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            return text;
        }
    }

    private static int limit(Context ctx, int dflt) {
        String v = ctx.queryParam("limit");
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX) return n;
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadRequest(400, "bad_limit", "limit must be a whole number from 1 to " + MAX);
    }

    private static String oneOf(String v, Set<String> allowed, String name) {
        if (v == null || v.isBlank()) return null;
        if (!allowed.contains(v)) throw new BadRequest(400, "bad_" + name, name + " must be one of " + new java.util.TreeSet<>(allowed));
        return v;
    }
}
