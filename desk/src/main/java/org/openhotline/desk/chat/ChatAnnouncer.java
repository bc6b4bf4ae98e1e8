package org.openhotline.desk.chat;

import java.util.List;
import java.util.Map;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.desk.DeskParts;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.presence.AgentState;

/**
 * Tells everyone of a chat's news after it is stored: the event for the consoles, the notice for the citizen, and
 * a SYSTEM line in the transcript so a reconnecting browser reads it too.
 */
public final class ChatAnnouncer {
    private final DeskParts parts;

    public ChatAnnouncer(DeskParts parts) {
        this.parts = parts;
    }

    /** A stored message: consoles get it, and the citizen too unless it is a NOTE. */
    public void message(Chat chat, ChatMessage m) {
        parts.events.publish(new DeskEvent.MessageAdded(m));
        if (m.kind() == MessageKind.NOTE || m.sender() == Sender.CITIZEN) return;
        String name = m.sender() == Sender.AGENT ? name(m.senderId()) : null;
        String text = m.kind() == MessageKind.IMAGE ? "[图片] " + m.body() : m.kind() == MessageKind.RICH ? RichText.plain(m.body()) : m.body();
        parts.notices.send(new CitizenNotice(CitizenNotice.Type.MESSAGE, chat.sessionId(), chat.channel(), chat.chatId(), text, name, 0, null, m.seq(),
                m.kind().name(), m.body(), Map.of(), List.of(), m.at()));
    }

    /** The chat became ACTIVE with the agent (accepted, or auto-accepted). */
    public void accepted(String chatId, String agentId) {
        Chat chat = parts.chats.find(chatId).orElseThrow();
        String name = name(agentId);
        String text = String.format(parts.settings.text("accepted"), name);
        parts.messages.append(chatId, Sender.SYSTEM, null, MessageKind.SYSTEM, text, parts.clock.instant(), false)
                .ifPresent(m -> parts.events.publish(new DeskEvent.MessageAdded(m)));
        parts.events.publish(new DeskEvent.ChatAccepted(chatId, agentId, chat.sessionId()));
        parts.notices.send(new CitizenNotice(CitizenNotice.Type.ACCEPTED, chat.sessionId(), chat.channel(), chatId, text, name, 0, null, 0, null, null,
                Map.of(), List.of(), parts.clock.instant()));
        presence(agentId);
    }

    /** A SYSTEM line in the transcript, announced to the consoles. */
    public void system(String chatId, String text, boolean evenIfEnded) {
        parts.messages.append(chatId, Sender.SYSTEM, null, MessageKind.SYSTEM, text, parts.clock.instant(), evenIfEnded)
                .ifPresent(m -> parts.events.publish(new DeskEvent.MessageAdded(m)));
    }

    /** The agent's presence and load as stored now. */
    public void presence(String agentId) {
        parts.agents.find(agentId).ifPresent(a -> parts.events.publish(new DeskEvent.PresenceChanged(agentId, a.presence(), a.activeChats())));
    }

    /** Per agent message and typing frame: the directory (cached by the server) first, the desk's row only for an unknown id. */
    public String name(String agentId) {
        return parts.directory.find(agentId).map(org.openhotline.desk.presence.AgentProfile::displayName)
                .orElseGet(() -> parts.agents.find(agentId).map(AgentState::displayName).orElse(agentId));
    }
}
