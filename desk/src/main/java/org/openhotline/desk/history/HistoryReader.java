package org.openhotline.desk.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.bot.log.LoggedMessage;
import org.openhotline.bot.log.MessageLog;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.store.ChatStore;
import org.openhotline.desk.store.MessageStore;

/**
 * The citizen's earlier conversations for the agent: the bot's message log of the same citizen (session id), cut
 * into conversations at pauses longer than {@link #GAP}, and the earlier chats with people. The conversation that
 * led to the current chat is left out: its transcript is the handoff summary already.
 */
public final class HistoryReader {
    static final Duration GAP = Duration.ofMinutes(30);
    private static final int LOG_LINES = 300;
    private final MessageLog log;
    private final ChatStore chats;
    private final MessageStore messages;

    public HistoryReader(MessageLog log, ChatStore chats, MessageStore messages) {
        this.log = log;
        this.chats = chats;
        this.messages = messages;
    }

    public List<PastConversation> of(Chat current, int limit) {
        List<PastConversation> out = new ArrayList<>(botConversations(current));
        for (Chat c : chats.endedOf(current.sessionId(), limit + 1)) {
            if (c.chatId().equals(current.chatId())) continue;
            List<PastConversation.Line> lines = new ArrayList<>();
            for (ChatMessage m : messages.after(c.chatId(), 0, 500)) {
                if (m.kind() == MessageKind.NOTE) continue;
                lines.add(new PastConversation.Line(m.sender().name().toLowerCase(java.util.Locale.ROOT), m.at(), m.body()));
            }
            out.add(new PastConversation(c.sessionId(), c.chatId(), c.channel(), c.agentId(), c.queuedAt(), lines));
        }
        out.sort(java.util.Comparator.comparing(PastConversation::startedAt).reversed());
        return out.stream().limit(limit).toList();
    }

    private List<PastConversation> botConversations(Chat current) {
        if (log == null) return List.of();
        List<List<LoggedMessage>> runs = new ArrayList<>();
        Instant last = null;
        for (LoggedMessage m : log.transcript(current.sessionId(), LOG_LINES)) {
            if (!m.at().isBefore(current.queuedAt())) break;
            if (last == null || Duration.between(last, m.at()).compareTo(GAP) > 0) runs.add(new ArrayList<>());
            runs.get(runs.size() - 1).add(m);
            last = m.at();
        }
        if (!runs.isEmpty() && last != null && Duration.between(last, current.queuedAt()).compareTo(GAP) <= 0) runs.remove(runs.size() - 1);
        List<PastConversation> out = new ArrayList<>();
        for (List<LoggedMessage> run : runs) {
            List<PastConversation.Line> lines = run.stream()
                    .map(m -> new PastConversation.Line("in".equals(m.direction()) ? "citizen" : "bot", m.at(), m.body())).toList();
            out.add(new PastConversation(current.sessionId(), null, run.get(0).channel(), null, run.get(0).at(), lines));
        }
        return out;
    }
}
