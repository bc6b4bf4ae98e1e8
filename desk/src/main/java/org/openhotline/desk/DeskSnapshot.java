package org.openhotline.desk;

import java.util.List;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.presence.AgentState;
import org.openhotline.desk.queue.QueueEntry;

/**
 * What an agent's console shows on (re)connect: their state, their chats (active, offered, invited into),
 * and the waiting queue of their groups in order.
 */
public record DeskSnapshot(AgentState agent, List<Chat> chats, List<QueueEntry> queue) {
    public DeskSnapshot {
        chats = List.copyOf(chats);
        queue = List.copyOf(queue);
    }
}
