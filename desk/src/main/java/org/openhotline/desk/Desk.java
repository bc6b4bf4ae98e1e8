package org.openhotline.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openhotline.bot.handoff.Handoff;
import org.openhotline.bot.handoff.HandoffListener;
import org.openhotline.bot.handoff.SatisfactionSink;
import org.openhotline.desk.assist.KnowledgeAssist;
import org.openhotline.desk.canned.CannedReply;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.chat.SendResult;
import org.openhotline.desk.chat.TransferTarget;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.group.SkillGroupStore;
import org.openhotline.desk.history.PastConversation;
import org.openhotline.desk.presence.Presence;
import org.openhotline.desk.satisfaction.AgentSatisfaction;
import org.openhotline.desk.satisfaction.Rating;

/**
 * The human service desk as the rest of the product sees it. It is the bot's {@link Handoff} (a TRANSFER queues a
 * chat and routes it; MESSAGE / CALLBACK are recorded for later) and its {@link SatisfactionSink}. Every method is
 * safe to call from any node: state lives in the database, events travel over {@link #subscribe}.
 * Refusals throw {@link DeskException} (code for the HTTP error); agent ids are desk-auth's account ids.
 */
public interface Desk extends Handoff, SatisfactionSink, AutoCloseable {

    // --- agents -------------------------------------------------------------------------------------------

    /** Sets an agent's presence (signing in = ONLINE, signing out = OFFLINE). ONLINE may route queued chats to them. */
    void presence(String agentId, Presence presence);

    /** Every agent the desk has seen, with presence and load (transfer targets, leaders' and supervisors' view). */
    List<org.openhotline.desk.presence.AgentState> agents();

    /** The agent's console state: presence, their chats, the queue of their groups. */
    DeskSnapshot snapshot(String agentId);

    // --- chats --------------------------------------------------------------------------------------------

    /** Takes a chat offered to this agent, or a QUEUED chat of one of their groups (pick from the queue). */
    Chat accept(String agentId, String chatId);

    /** Declines an offer: the chat is routed to someone else. */
    void decline(String agentId, String chatId);

    Chat chat(String chatId);

    /**
     * An agent's message (also an invited leader's). Checked against the sensitive-word filter first: refused with
     * the words named, nothing stored. Otherwise stored with the next seq, then announced and sent to the citizen.
     */
    SendResult sendFromAgent(String agentId, String chatId, MessageKind kind, String body);

    /** Messages with seq greater than {@code afterSeq}, in order, at most {@code limit}; NOTE messages included. */
    List<ChatMessage> messages(String chatId, long afterSeq, int limit);

    /** {@code who}: an agent id, or "citizen" (the web chat calls it for the citizen). */
    void typing(String chatId, String who, boolean typing);

    void read(String chatId, String who, long seq);

    /** Passes the chat to another agent (offered to them) or back to a group's queue, with a note for the next agent. */
    Chat transfer(String agentId, String chatId, TransferTarget to, String note);

    /** Brings a group leader into the chat as a second agent; they see everything and may write. */
    Chat invite(String agentId, String chatId, String leaderId);

    /**
     * Ends the chat with a configured reason code and wrap-up notes: the agent goes to WRAP_UP for
     * {@code desk.wrap-up-seconds}, the bot gets the citizen back, the citizen gets the rating invitation.
     */
    Chat end(String agentId, String chatId, String reasonCode, String wrapUpNotes);

    /**
     * Writes (replaces) the wrap-up notes of a chat the agent ended: the service summary they write during the
     * wrap-up time after the chat (or later). Only the chat's agent, only once it has ended.
     */
    Chat notes(String agentId, String chatId, String wrapUpNotes);

    /** The waiting chats of a group (null = all groups), in queue order with position and wait: leaders' and supervisors' view. */
    List<org.openhotline.desk.queue.QueueEntry> queue(String group);

    /** The configured end reason codes → labels, in order. */
    Map<String, String> endReasons();

    /** The citizen left the queue or closed the chat (web chat "leave", bot cancel). */
    void citizenLeft(String sessionId);

    // --- satisfaction -------------------------------------------------------------------------------------

    /** Configured tags per level 1..5 (web chat rating form, WeChat invitation). */
    Map<Integer, List<String>> ratingTags();

    Rating rating(String chatId);

    /** Per agent averages over ratings given in [from, to). */
    List<AgentSatisfaction> satisfactionByAgent(Instant from, Instant to);

    // --- helping the agent --------------------------------------------------------------------------------

    /** The citizen's earlier conversations (bot sessions and chats), newest first, excluding this chat. */
    List<PastConversation> history(String chatId, int limit);

    /** Personal replies of the agent and shared ones whose title or text contains {@code query} (all when blank). */
    List<CannedReply> cannedReplies(String agentId, String query);

    /** {@code shared}: visible to everyone (group leaders, supervisors, admins only: the caller checks the role). */
    CannedReply saveCannedReply(String agentId, long id, String title, String text, boolean shared);

    boolean deleteCannedReply(String agentId, long id);

    /** Knowledge-base answers for the citizen's last message in the chat. */
    List<KnowledgeAssist.Suggestion> assist(String chatId, int limit);

    // --- call-back tasks ----------------------------------------------------------------------------------

    /** Missed calls, voice messages and requests to call back, as agents' work (the desk's own part, whole). */
    org.openhotline.desk.callback.Callbacks callbacks();

    // --- configuration and wiring -------------------------------------------------------------------------

    /** Skill group definitions (the admin page edits them). Changes take effect at the next routing decision. */
    SkillGroupStore groups();

    /** Receives every desk event on this node (also those published on other nodes). */
    AutoCloseable subscribe(Consumer<DeskEvent> subscriber);

    /** The bot, told when a handoff ends or times out; set by the server after building the conversation. */
    void attach(HandoffListener bot);

    @Override
    void close();
}
