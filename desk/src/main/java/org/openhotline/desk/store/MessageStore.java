package org.openhotline.desk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.chat.Sender;

/**
 * Chat messages in table {@code desk_message}. The seq comes from the chat row's {@code last_seq}, incremented in
 * the same transaction as the insert: the row lock orders writers from every node, so seqs have no gaps and no
 * duplicates, and a message is stored before anyone is told of it.
 */
public final class MessageStore {
    private final Jdbc jdbc;

    public MessageStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the message with the chat's next seq; empty when the chat is unknown (or ended, unless {@code evenIfEnded}). */
    public Optional<ChatMessage> append(String chatId, Sender sender, String senderId, MessageKind kind, String body, Instant now, boolean evenIfEnded) {
        long id = ChatStore.id(chatId);
        return jdbc.tx("store a chat message", c -> {
            int n = Jdbc.update(c, "UPDATE desk_chat SET last_seq = last_seq + 1 WHERE chat_id = ?" + (evenIfEnded ? "" : " AND status <> 'ENDED'"), id);
            if (n != 1) return Optional.empty();
            long seq = Jdbc.query(c, "SELECT last_seq FROM desk_chat WHERE chat_id = ?", rs -> rs.getLong(1), id).get(0);
            Jdbc.update(c, "INSERT INTO desk_message (chat_id, seq, sender, sender_id, kind, body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id, seq, sender, senderId, kind, body, now);
            return Optional.of(new ChatMessage(chatId, seq, sender, senderId, kind, body, now));
        });
    }

    public List<ChatMessage> after(String chatId, long afterSeq, int limit) {
        long id = ChatStore.id(chatId);
        return jdbc.query("read chat messages", "SELECT seq, sender, sender_id, kind, body, sent_at FROM desk_message WHERE chat_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new ChatMessage(chatId, rs.getLong(1), Sender.valueOf(rs.getString(2)), rs.getString(3), MessageKind.valueOf(rs.getString(4)),
                        rs.getString(5), Jdbc.instant(rs, "sent_at")), id, afterSeq, Math.max(0, Math.min(limit, 10_000)));
    }

    /** The citizen's last message in the chat (knowledge assist), if any. */
    public Optional<String> lastFromCitizen(String chatId) {
        return jdbc.query("read the last citizen message", "SELECT body FROM desk_message WHERE chat_id = ? AND sender = 'CITIZEN' ORDER BY seq DESC LIMIT 1",
                rs -> rs.getString(1), ChatStore.id(chatId)).stream().findFirst();
    }
}
