package org.openhotline.desk.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.presence.Presence;

/**
 * Something happened at the desk; delivered to subscribers on every node (Redis pub/sub in scale-out). Events
 * announce state already stored: a subscriber that missed one reads the state ({@code snapshot}, {@code messages}).
 * The console routes each event to the agents concerned ({@code agentId}, a chat's agents, a group's agents);
 * {@code group} is set on events a whole group's consoles care about. JSON field {@code type} names the record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DeskEvent.QueueChanged.class, name = "queue"),
        @JsonSubTypes.Type(value = DeskEvent.QueuePosition.class, name = "position"),
        @JsonSubTypes.Type(value = DeskEvent.ChatOffered.class, name = "offered"),
        @JsonSubTypes.Type(value = DeskEvent.ChatAccepted.class, name = "accepted"),
        @JsonSubTypes.Type(value = DeskEvent.MessageAdded.class, name = "message"),
        @JsonSubTypes.Type(value = DeskEvent.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = DeskEvent.Read.class, name = "read"),
        @JsonSubTypes.Type(value = DeskEvent.Transferred.class, name = "transferred"),
        @JsonSubTypes.Type(value = DeskEvent.Joined.class, name = "joined"),
        @JsonSubTypes.Type(value = DeskEvent.ChatEnded.class, name = "ended"),
        @JsonSubTypes.Type(value = DeskEvent.PresenceChanged.class, name = "presence"),
        @JsonSubTypes.Type(value = DeskEvent.Notice.class, name = "notice"),
        @JsonSubTypes.Type(value = DeskEvent.Callbacks.class, name = "callbacks")
})
public sealed interface DeskEvent {
    /** The waiting list of a group changed (someone queued, left, was taken). */
    record QueueChanged(String group, int waiting) implements DeskEvent {}

    /** A waiting chat's position / estimated wait changed (the citizen's view). */
    record QueuePosition(String chatId, String sessionId, String group, int position, Duration estimatedWait) implements DeskEvent {}

    /** Offered to one agent, who accepts before {@code expiresAtMillis} or it is routed again. */
    record ChatOffered(String chatId, String agentId, String group, long expiresAtMillis) implements DeskEvent {}

    record ChatAccepted(String chatId, String agentId, String sessionId) implements DeskEvent {}

    /** A stored chat message (citizen, agent or system); {@code message.seq()} orders them. */
    record MessageAdded(ChatMessage message) implements DeskEvent {}

    /** {@code who}: "citizen" or an agent id. */
    record Typing(String chatId, String who, boolean typing) implements DeskEvent {}

    /** {@code who} has read the chat up to {@code seq}. */
    record Read(String chatId, String who, long seq) implements DeskEvent {}

    /** Passed on by {@code fromAgent} to an agent or a group, with the note for the next agent. */
    record Transferred(String chatId, String fromAgent, String toAgent, String toGroup, String note) implements DeskEvent {}

    /** A second agent (a group leader) joined the chat. */
    record Joined(String chatId, String agentId, String invitedBy) implements DeskEvent {}

    record ChatEnded(String chatId, String agentId, String reason) implements DeskEvent {}

    record PresenceChanged(String agentId, Presence presence, int activeChats) implements DeskEvent {}

    /**
     * A notice for a citizen, published so that the node holding the citizen's connection delivers it through
     * its {@code CitizenNotifier}s. Fields mirror {@code org.openhotline.bot.handoff.CitizenNotice}.
     */
    record Notice(org.openhotline.bot.handoff.CitizenNotice notice) implements DeskEvent {}

    /** The call-back list of a group changed (a task came, was claimed, called, released); {@code open}: its OPEN tasks now. */
    record Callbacks(String group, int open) implements DeskEvent {}
}
