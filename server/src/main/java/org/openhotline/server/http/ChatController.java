package org.openhotline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyOption;

/** {@code POST /api/chat}: one citizen message in, the bot's reply out (the web chat's only call). */
final class ChatController {
    private final ObjectMapper json;
    private final Conversation conversation;

    ChatController(ObjectMapper json, Conversation conversation) {
        this.json = json;
        this.conversation = conversation;
    }

    void chat(Context ctx) {
        ChatRequest req = ChatRequest.parse(json, ctx.body());
        Reply reply = conversation.handle(req.sessionId(), req.text());
        ctx.json(toJson(req.sessionId(), reply));
    }

    /** {@code GET /api/chat/welcome}: the greeting with this week's hot questions, shown when the chat opens. */
    void welcome(Context ctx) {
        ctx.json(toJson(null, conversation.welcome()));
    }

    /** {@code POST /api/chat/feedback}: "was this helpful" on an answer; "no" comes back with the offer of a person. */
    void feedback(Context ctx) {
        FeedbackRequest req = FeedbackRequest.parse(json, ctx.body());
        ctx.json(toJson(req.sessionId(), conversation.feedback(req.sessionId(), req.entryId(), req.helpful())));
    }

    static Map<String, Object> toJson(String sessionId, Reply r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionId", sessionId);
        out.put("type", r.type().wireName());
        out.put("text", r.text());
        out.put("entryId", r.entryId());
        List<Map<String, Object>> cands = new ArrayList<>();
        for (ReplyOption o : r.options()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("entryId", o.entryId());
            c.put("question", o.question());
            c.put("score", Math.round(o.score() * 1000) / 1000.0);
            cands.add(c);
        }
        out.put("candidates", cands);
        out.put("confidence", Math.round(r.confidence() * 1000) / 1000.0);
        out.put("act", r.act().wireName());
        out.put("buttons", r.buttons());
        if (r.flowId() != null) out.put("flowId", r.flowId());
        if (r.transfer() != null) out.put("transferReason", r.transfer());
        return out;
    }
}
