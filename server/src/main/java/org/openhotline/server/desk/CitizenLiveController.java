package org.openhotline.server.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.desk.Desk;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.chat.Chat;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.JsonBody;

/**
 * The web chat citizen's calls around a live chat, keyed like {@code POST /api/chat} by the chat session id: the rating
 * form (5 levels, the level's tags, a comment). Typing and read marks go over the chat socket.
 */
final class CitizenLiveController {
    static final int MAX_COMMENT = 500;
    private final Desk desk;
    private final ObjectMapper json;

    CitizenLiveController(Desk desk, ObjectMapper json) {
        this.desk = desk;
        this.json = json;
    }

    /** {@code POST /api/chat/rating} {"sessionId","chatId","level":1..5,"tags":[…],"comment"} → 201, or 409 when not rateable. */
    void rate(Context ctx) {
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"sessionId\",\"chatId\",\"level\":5}",
                List.of("sessionId", "chatId", "level", "tags", "comment"));
        String session = JsonBody.text(body, "sessionId");
        String chatId = JsonBody.text(body, "chatId");
        JsonNode level = body.get("level");
        if (level == null || !level.isInt() || level.asInt() < 1 || level.asInt() > 5) {
            throw new BadRequest(400, "bad_level", "level must be a whole number from 1 to 5");
        }
        List<String> tags = new ArrayList<>();
        JsonNode t = body.get("tags");
        if (t != null && !t.isNull()) {
            if (!t.isArray() || t.size() > 10) throw new BadRequest(400, "bad_tags", "tags must be a list of at most 10 strings");
            List<String> allowed = desk.ratingTags().getOrDefault(level.asInt(), List.of());
            for (JsonNode tag : t) {
                if (!tag.isTextual() || !allowed.contains(tag.asText())) {
                    throw new BadRequest(400, "bad_tags", "tags must be chosen from the tags of level " + level.asInt());
                }
                tags.add(tag.asText());
            }
        }
        String comment = JsonBody.text(body, "comment", "").strip();
        if (comment.length() > MAX_COMMENT) throw new BadRequest(400, "too_long", "a comment has at most " + MAX_COMMENT + " characters");
        ownChat(session, chatId);
        if (!desk.rate(session, chatId, level.asInt(), tags, comment.isEmpty() ? null : comment)) {
            throw new BadRequest(409, "not_rateable", "this chat cannot be rated (not ended, or not yours)");
        }
        ctx.status(201).json(Map.of("thanks", "感谢您的评价！"));
    }

    private Chat ownChat(String session, String chatId) {
        try {
            Chat c = desk.chat(chatId);
            if (session.equals(c.sessionId())) return c;
        } catch (DeskException e) {
            // same answer as a foreign chat: do not tell which ids exist
        }
        throw new BadRequest(404, "not_found", "no such chat in this session");
    }
}
