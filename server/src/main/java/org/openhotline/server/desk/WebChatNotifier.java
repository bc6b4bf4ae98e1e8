package org.openhotline.server.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.bot.handoff.CitizenNotifier;

/**
 * The web chat's side of the desk: each notice goes to the citizen's open chat sockets on this node as one JSON
 * frame; an agent's message carries its sequence number so a reloaded page gets it exactly once.
 */
public final class WebChatNotifier implements CitizenNotifier {
    private final ObjectMapper json;
    private final SocketRegistry citizens;

    public WebChatNotifier(ObjectMapper json, SocketRegistry citizens) {
        this.json = json;
        this.citizens = citizens;
    }

    @Override
    public boolean handles(String channel) {
        return "web".equals(channel);
    }

    @Override
    public void notify(CitizenNotice n) {
        if (!citizens.connected(n.sessionId())) return;
        String frame = frame(n);
        for (LiveSocket s : citizens.of(n.sessionId())) {
            if (n.type() == CitizenNotice.Type.MESSAGE && n.seq() > 0) s.sendMessage(n.chatId(), n.seq(), frame);
            else s.send(frame);
        }
    }

    /** The notice as the chat page reads it: {@code type} in lower case and only the fields that type uses. */
    String frame(CitizenNotice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", n.type().name().toLowerCase(java.util.Locale.ROOT));
        m.put("chatId", n.chatId());
        m.put("text", n.text());
        if (n.agentName() != null) m.put("agentName", n.agentName());
        if (n.position() > 0) m.put("position", n.position());
        if (n.estimatedWait() != null) m.put("etaSeconds", n.estimatedWait().toSeconds());
        if (n.seq() > 0) m.put("seq", n.seq());
        if (n.messageKind() != null) m.put("kind", n.messageKind());
        if (n.body() != null) m.put("body", n.body());
        if (!n.ratingTags().isEmpty()) m.put("ratingTags", n.ratingTags());
        if (!n.options().isEmpty()) m.put("options", n.options());
        if (n.at() != null) m.put("at", n.at().toString());
        if (n.type() == CitizenNotice.Type.MESSAGE) { // the same shape as a replayed message, so the page has one renderer
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("chatId", n.chatId());
            msg.put("seq", n.seq());
            msg.put("from", "agent");
            msg.put("author", n.agentName());
            msg.put("kind", n.messageKind());
            msg.put("body", n.body());
            msg.put("at", n.at() == null ? null : n.at().toString());
            m.put("message", msg);
        }
        return write(json, m);
    }

    static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a frame", e);
        }
    }
}
