package org.openhotline.desk.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.DeskParts;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.presence.AgentProfile;
import org.openhotline.desk.presence.AgentState;
import org.openhotline.desk.presence.Presence;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.sensitive.SensitiveHit;
import org.openhotline.nlu.sensitive.SensitiveResult;

/**
 * What agents do inside a chat: accept, write (checked for sensitive words first), transfer, invite a group
 * leader, end. Each step checks that the agent may do it, stores the change, and only then announces it.
 */
public final class ChatService {
    private static final java.util.regex.Pattern IMAGE_URL = java.util.regex.Pattern.compile("(?i)(https?://|/)[^\\s<>\"]+");
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChatService.class);
    private static final int MAX_BODY = org.openhotline.desk.TextLimits.MESSAGE_CHARS;
    private static final int MAX_NOTES = org.openhotline.desk.TextLimits.NOTES_CHARS;
    private final DeskParts parts;
    private final ChatAnnouncer announcer;
    private final Runnable route;

    /** @param route runs a routing pass (after a change that frees an agent or queues a chat) */
    public ChatService(DeskParts parts, ChatAnnouncer announcer, Runnable route) {
        this.parts = parts;
        this.announcer = announcer;
        this.route = route;
    }

    public Chat chat(String chatId) {
        return parts.chats.find(chatId).orElseThrow(() -> DeskException.notFound("chat " + chatId));
    }

    public Chat accept(String agentId, String chatId) {
        Chat chat = chat(chatId);
        Instant now = parts.clock.instant();
        if (chat.status() == ChatStatus.OFFERED && agentId.equals(chat.agentId())) {
            if (!parts.chats.acceptOffer(chatId, agentId, now)) throw DeskException.badState("the offer was withdrawn");
        } else if (chat.status() == ChatStatus.QUEUED) {
            AgentState a = parts.agents.find(agentId).orElseThrow(() -> DeskException.notYours("agent " + agentId + " is not signed in to the desk"));
            if (!a.groups().contains(chat.skillGroup())) throw DeskException.notYours("chat " + chatId + " waits for group " + chat.skillGroup());
            if (isCall(chat) && !parts.agents.phoneReachable(agentId)) throw new DeskException("no_phone", "a phone call needs your phone: register your softphone first");
            SkillGroup g = parts.group(chat.skillGroup());
            int limit = g.saturation() > 0 ? Math.min(a.maxChats(), g.saturation()) : a.maxChats();
            if (!parts.chats.claim(chatId, agentId, limit, true, now, null)) {
                throw new DeskException("full", "chat " + chatId + " was taken, or you have " + limit + " chats already or are not online");
            }
        } else {
            throw DeskException.badState("chat " + chatId + " is " + chat.status().name().toLowerCase() + (chat.agentId() == null ? "" : " with another agent"));
        }
        announcer.accepted(chatId, agentId);
        return chat(chatId);
    }

    public void decline(String agentId, String chatId) {
        if (!parts.chats.returnOffer(chatId, agentId, false, parts.clock.instant())) throw DeskException.badState("chat " + chatId + " is not offered to you");
        announcer.presence(agentId);
        route.run();
    }

    /** An agent's (or invited leader's) message; refused naming the sensitive words, else stored then announced. */
    public SendResult sendFromAgent(String agentId, String chatId, MessageKind kind, String body) {
        if (kind == null || kind == MessageKind.SYSTEM) throw DeskException.badInput("message kind must be TEXT, IMAGE, EMOJI, RICH, FILE or NOTE");
        if (body == null || body.isBlank()) throw DeskException.badInput("message is empty");
        if (body.length() > MAX_BODY) throw DeskException.badInput("message longer than " + MAX_BODY + " characters");
        Chat chat = chat(chatId);
        requireMember(agentId, chat);
        if (isCall(chat) && kind != MessageKind.NOTE) throw DeskException.badInput("a caller cannot read messages: talk on the phone, or write a NOTE");
        String stored = kind == MessageKind.RICH ? RichText.sanitize(body) : body.strip();
        if (kind == MessageKind.IMAGE && !IMAGE_URL.matcher(stored).matches()) throw DeskException.badInput("an image is sent as its URL");
        if (kind != MessageKind.NOTE) {
            SendResult refused = check(kind == MessageKind.RICH ? RichText.plain(stored) : stored);
            if (refused != null) return refused;
        }
        ChatMessage m = parts.messages.append(chatId, Sender.AGENT, agentId, kind, stored, parts.clock.instant(), false)
                .orElseThrow(() -> DeskException.badState("chat " + chatId + " has ended"));
        announcer.message(chat, m);
        return SendResult.sent(m);
    }

    private SendResult check(String text) {
        SensitiveFilter filter = parts.sensitive.get();
        if (filter == null) return null;
        SensitiveResult r = filter.check(text, Direction.OUTBOUND);
        if (!r.blocked()) return null;
        return SendResult.refused(r.blockingHits().stream().map(SensitiveHit::word).distinct().toList(), r.reason());
    }

    /** A citizen's message while handed over (queued or with an agent): stored for the agent. Never throws. */
    public void fromCitizen(String sessionId, String text) {
        try {
            Chat chat = parts.chats.openOf(sessionId).orElse(null);
            if (chat == null || text == null || text.isBlank()) return;
            String body = text.strip();
            SensitiveFilter filter = parts.sensitive.get();
            if (filter != null) {
                SensitiveResult r = filter.check(body, Direction.INBOUND);
                if (r.blocked()) {
                    log.info("a citizen message to chat {} was refused for sensitive words", chat.chatId());
                    return;
                }
                body = r.text();
            }
            String capped = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
            parts.messages.append(chat.chatId(), Sender.CITIZEN, sessionId, MessageKind.TEXT, capped, parts.clock.instant(), false)
                    .ifPresent(m -> announcer.message(chat, m));
        } catch (RuntimeException e) {
            log.error("could not relay a citizen message to the desk", e);
        }
    }

    /** A citizen's typing is only announced (the caller checked the chat is theirs); an agent's also reaches the citizen. */
    public void typing(String chatId, String who, boolean typing) {
        boolean agent = !"citizen".equals(who);
        Chat chat = agent ? chat(chatId) : null;
        parts.events.publish(new DeskEvent.Typing(chatId, who, typing));
        if (agent && typing && chat.status() == ChatStatus.ACTIVE) {
            parts.notices.send(new CitizenNotice(CitizenNotice.Type.TYPING, chat.sessionId(), chat.channel(), chatId, "对方正在输入…", announcer.name(who), 0,
                    null, 0, null, null, Map.of(), List.of(), parts.clock.instant()));
        }
    }

    public void read(String chatId, String who, long seq) {
        chat(chatId);
        parts.chats.read(chatId, "citizen".equals(who), seq);
        parts.events.publish(new DeskEvent.Read(chatId, who, seq));
    }

    public Chat transfer(String agentId, String chatId, TransferTarget to, String note) {
        Chat chat = chat(chatId);
        if (chat.status() != ChatStatus.ACTIVE || !agentId.equals(chat.agentId())) throw DeskException.notYours("only the agent of an active chat transfers it");
        Instant now = parts.clock.instant();
        String cleanNote = note == null ? "" : note.strip();
        if (to.agentId() != null) {
            if (to.agentId().equals(agentId)) throw DeskException.badInput("transfer to someone else");
            AgentState target = parts.agents.find(to.agentId()).orElseThrow(() -> DeskException.notFound("agent " + to.agentId()));
            if (target.presence() == Presence.OFFLINE) throw new DeskException("full", target.displayName() + " is offline");
            if (isCall(chat) && !parts.agents.phoneReachable(to.agentId())) throw new DeskException("no_phone", target.displayName() + "'s phone cannot be rung");
            boolean auto = parts.settings.autoAccept();
            if (!parts.chats.transferToAgent(chatId, agentId, to.agentId(), target.maxChats(), auto, now, now.plus(parts.settings.offerTimeout()))) {
                throw new DeskException("full", target.displayName() + " has no free place");
            }
            note(chatId, agentId, "转接给 " + target.displayName() + (cleanNote.isEmpty() ? "" : "：" + cleanNote));
            if (auto) announcer.accepted(chatId, to.agentId());
            else parts.events.publish(new DeskEvent.ChatOffered(chatId, to.agentId(), chat.skillGroup(), now.plus(parts.settings.offerTimeout()).toEpochMilli()));
        } else {
            SkillGroup g = parts.groups.find(to.group()).orElseThrow(() -> DeskException.notFound("skill group " + to.group()));
            if (!parts.chats.transferToGroup(chatId, agentId, g.code(), now)) throw DeskException.badState("chat " + chatId + " changed meanwhile");
            note(chatId, agentId, "转接到 " + g.name() + (cleanNote.isEmpty() ? "" : "：" + cleanNote));
        }
        parts.events.publish(new DeskEvent.Transferred(chatId, agentId, to.agentId(), to.group(), cleanNote));
        parts.notices.send(CitizenNotice.of(CitizenNotice.Type.TRANSFERRED, chat.sessionId(), chat.channel(), chatId, parts.settings.text("transferred"), now));
        announcer.presence(agentId);
        route.run();
        return chat(chatId);
    }

    /** A phone call rather than a text chat: it needs the agent's phone, and nobody can type to the caller. */
    static boolean isCall(Chat chat) {
        return org.openhotline.desk.routing.WaitingChat.VOICE.equals(chat.channel());
    }

    private void note(String chatId, String agentId, String text) {
        parts.messages.append(chatId, Sender.AGENT, agentId, MessageKind.NOTE, text, parts.clock.instant(), false)
                .ifPresent(m -> parts.events.publish(new DeskEvent.MessageAdded(m)));
    }

    public Chat invite(String agentId, String chatId, String leaderId) {
        Chat chat = chat(chatId);
        if (chat.status() != ChatStatus.ACTIVE || !agentId.equals(chat.agentId())) throw DeskException.notYours("only the agent of an active chat invites");
        AgentProfile leader = parts.directory.find(leaderId).orElseThrow(() -> DeskException.notFound("agent " + leaderId));
        if (!leader.leader()) throw DeskException.badInput(leader.displayName() + " is not a group leader");
        if (leaderId.equals(agentId)) throw DeskException.badInput("you are in the chat already");
        parts.chats.invite(chatId, leaderId, agentId, parts.clock.instant());
        announcer.system(chatId, "组长 " + leader.displayName() + " 加入会话", false);
        parts.events.publish(new DeskEvent.Joined(chatId, leaderId, agentId));
        return chat(chatId);
    }

    /** The owner ends the chat: wrap-up for them, the bot gets the citizen back (rating mode), the citizen is told. */
    public Chat end(String agentId, String chatId, String reasonCode, String notes) {
        Chat chat = chat(chatId);
        if (!agentId.equals(chat.agentId()) || chat.status() != ChatStatus.ACTIVE) throw DeskException.notYours("only the agent of an active chat ends it");
        if (reasonCode == null || !parts.settings.endReasons().containsKey(reasonCode)) {
            throw DeskException.badInput("end reason must be one of " + parts.settings.endReasons().keySet());
        }
        Instant now = parts.clock.instant();
        String cleanNotes = notes == null ? null : notes.strip();
        if (cleanNotes != null && cleanNotes.length() > MAX_NOTES) throw DeskException.badInput("wrap-up notes longer than " + MAX_NOTES + " characters");
        if (!parts.chats.end(chatId, reasonCode, cleanNotes, now, now.plus(parts.settings.wrapUp()))) throw DeskException.badState("chat " + chatId + " has ended");
        finish(chat, agentId, reasonCode, true);
        announcer.presence(agentId);
        return chat(chatId);
    }

    public Chat notes(String agentId, String chatId, String notes) {
        Chat chat = chat(chatId);
        if (!agentId.equals(chat.agentId()) || chat.status() != ChatStatus.ENDED) throw DeskException.notYours("only the agent of an ended chat writes its notes");
        String clean = notes == null ? null : notes.strip();
        if (clean != null && clean.length() > MAX_NOTES) throw DeskException.badInput("wrap-up notes longer than " + MAX_NOTES + " characters");
        parts.chats.notes(chatId, agentId, clean);
        return chat(chatId);
    }

    /** The citizen left (cancelled in the bot, closed the web chat). */
    public void citizenLeft(String sessionId) {
        Chat chat = parts.chats.openOf(sessionId).orElse(null);
        if (chat == null) return;
        if (!parts.chats.end(chat.chatId(), "citizen-left", null, parts.clock.instant(), null)) return;
        announcer.system(chat.chatId(), "市民已离开", true);
        parts.events.publish(new DeskEvent.ChatEnded(chat.chatId(), chat.agentId(), "citizen-left"));
        if (chat.agentId() != null) announcer.presence(chat.agentId());
        route.run();
    }

    /** After a chat ended by an agent (or a timeout): transcript line, event, bot, citizen. */
    void finish(Chat chat, String agentId, String reason, boolean rating) {
        announcer.system(chat.chatId(), "会话结束（" + parts.settings.endReasons().getOrDefault(reason, reason) + "）", true);
        parts.events.publish(new DeskEvent.ChatEnded(chat.chatId(), agentId, reason));
        boolean invite = rating && parts.settings.inviteRating();
        try {
            parts.bot().handoffEnded(chat.sessionId(), chat.chatId(), invite);
        } catch (RuntimeException e) {
            log.error("the bot could not take chat {} back", chat.chatId(), e);
        }
        Instant now = parts.clock.instant();
        parts.notices.send(CitizenNotice.of(CitizenNotice.Type.ENDED, chat.sessionId(), chat.channel(), chat.chatId(), parts.settings.text("ended"), now));
        if (invite) {
            parts.notices.send(new CitizenNotice(CitizenNotice.Type.RATING_INVITATION, chat.sessionId(), chat.channel(), chat.chatId(),
                    parts.settings.text("rating"), announcer.name(agentId), 0, null, 0, null, null, parts.settings.ratingTags(),
                    List.of("5 非常满意", "4 满意", "3 一般", "2 不满意", "1 非常不满意"), now));
        }
    }

    private void requireMember(String agentId, Chat chat) {
        boolean owner = agentId.equals(chat.agentId()) && chat.status() == ChatStatus.ACTIVE;
        if (!owner && !chat.participants().contains(agentId)) throw DeskException.notYours("you are not in chat " + chat.chatId());
        if (chat.status() != ChatStatus.ACTIVE) throw DeskException.badState("chat " + chat.chatId() + " is not active");
    }
}
