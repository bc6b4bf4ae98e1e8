package org.openhotline.server.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.chat.Sender;
import org.openhotline.desk.history.PastConversation;
import org.openhotline.desk.queue.QueueEntry;
import org.openhotline.desk.satisfaction.Rating;

/**
 * The desk's records as the console and the web chat read them: one shape per thing whether it comes over HTTP or a
 * socket, so the page has one renderer. Citizens never get NOTE messages (agents' internal notes).
 */
final class DeskJson {
    private static final java.util.regex.Pattern NOT_ALNUM = java.util.regex.Pattern.compile("[^0-9A-Za-z]");
    private final People people;

    DeskJson(People people) {
        this.people = people;
    }

    Map<String, Object> chat(Chat c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.chatId());
        m.put("sessionId", c.sessionId());
        m.put("citizen", citizenLabel(c));
        m.put("channel", c.channel());
        m.put("source", c.source());
        m.put("skillGroup", c.skillGroup());
        m.put("state", c.status().name());
        m.put("agentId", c.agentId());
        m.put("agentName", people.nameOf(c.agentId()));
        m.put("participants", c.participants().stream().map(p -> Map.of("id", p, "name", people.nameOf(p))).toList());
        m.put("priority", c.priority());
        m.put("queuedAt", str(c.queuedAt()));
        m.put("acceptedAt", str(c.acceptedAt()));
        m.put("endedAt", str(c.endedAt()));
        m.put("endReason", c.endReason());
        m.put("wrapUpNote", c.wrapUpNote());
        m.put("reason", c.summary() == null ? null : c.summary().reason());
        if ("voice".equals(c.channel())) m.put("caller", callerOf(c));
        return m;
    }

    /** A phone call's number as signalled (the phone queue notes it as entity "phone=…"): the agent may need to call back. */
    static String callerOf(Chat c) {
        if (c.summary() == null) return null;
        return c.summary().entities().stream().filter(e -> e.startsWith("phone=")).map(e -> e.substring(6)).findFirst().orElse(null);
    }

    /** "市民 3f9a" from the session id: agents need a handle to tell chats apart, never the raw id or personal data. */
    static String citizenLabel(Chat c) {
        String s = c.sessionId() == null ? "" : NOT_ALNUM.matcher(c.sessionId()).replaceAll("");
        return "市民 " + (s.length() > 4 ? s.substring(s.length() - 4) : s);
    }

    Map<String, Object> queueEntry(QueueEntry q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", q.chatId());
        m.put("channel", q.channel());
        m.put("source", q.source());
        m.put("skillGroup", q.skillGroup());
        m.put("priority", q.priority());
        m.put("position", q.position());
        m.put("etaSeconds", q.estimatedWait() == null ? null : q.estimatedWait().toSeconds());
        m.put("waitingSince", str(q.queuedAt()));
        m.put("reason", q.reason());
        return m;
    }

    Map<String, Object> message(ChatMessage msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chatId", msg.chatId());
        m.put("seq", msg.seq());
        m.put("from", from(msg));
        m.put("author", msg.sender() == Sender.AGENT ? people.nameOf(msg.senderId()) : msg.sender() == Sender.CITIZEN ? "市民" : null);
        m.put("authorId", msg.sender() == Sender.AGENT ? msg.senderId() : null);
        m.put("kind", msg.kind().name());
        m.put("body", msg.body());
        m.put("at", str(msg.at()));
        return m;
    }

    /** citizen | agent | system; an internal note shows as a system line in the console. */
    static String from(ChatMessage msg) {
        if (msg.kind() == MessageKind.NOTE || msg.kind() == MessageKind.SYSTEM) return "system";
        return msg.sender().name().toLowerCase(Locale.ROOT);
    }

    static boolean citizenSees(ChatMessage msg) {
        return msg.kind() != MessageKind.NOTE;
    }

    Map<String, Object> summary(HandoffSummary s) {
        if (s == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", s.sessionId());
        m.put("channel", s.channel());
        m.put("reason", s.reason());
        m.put("detail", s.detail());
        m.put("skillGroup", s.skillGroup());
        m.put("transcript", s.transcript());
        m.put("intents", s.intents());
        m.put("entities", s.entities());
        m.put("flowId", s.flowId());
        m.put("flowSlots", s.flowSlots());
        m.put("topic", s.topic());
        m.put("at", str(s.at()));
        return m;
    }

    Map<String, Object> past(PastConversation p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", p.sessionId());
        m.put("chatId", p.chatId());
        m.put("channel", p.channel());
        m.put("agentName", people.nameOf(p.agentId()));
        m.put("startedAt", str(p.startedAt()));
        List<String> lines = new ArrayList<>();
        for (PastConversation.Line l : p.lines()) lines.add(who(l.who()) + "：" + l.text());
        m.put("lines", lines);
        return m;
    }

    private static String who(String w) {
        return switch (w) {
            case "citizen" -> "市民";
            case "bot" -> "机器人";
            case "agent" -> "客服";
            default -> w;
        };
    }

    Map<String, Object> rating(Rating r) {
        if (r == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chatId", r.chatId());
        m.put("agentName", people.nameOf(r.agentId()));
        m.put("level", r.level().score());
        m.put("label", r.level().label());
        m.put("tags", r.tags());
        m.put("comment", r.comment());
        m.put("at", str(r.at()));
        return m;
    }

    static String str(Instant t) {
        return t == null ? null : t.toString();
    }
}
