package org.openhotline.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffListener;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.bot.handoff.HandoffTicket;
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

/** The desk over the database (API published first; the body follows in the next commits). */
public final class DeskEngine implements Desk {
    DeskEngine(DeskBuilder b) {
        throw new UnsupportedOperationException("the desk engine is being written (desk-core)");
    }

    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("the desk engine is being written (desk-core)");
    }

    /** Timed work: wrap-up ends, offer timeouts, overflow, queue timeouts, position updates. */
    public void tick() { throw todo(); }

    @Override public HandoffTicket request(HandoffKind kind, HandoffSummary summary, String message, String phone) { throw todo(); }
    @Override public void relay(String sessionId, String channel, String text) { throw todo(); }
    @Override public boolean rate(String sessionId, String chatId, int level, List<String> tags, String comment) { throw todo(); }
    @Override public boolean comment(String sessionId, String chatId, String comment) { throw todo(); }
    @Override public void presence(String agentId, Presence presence) { throw todo(); }
    @Override public DeskSnapshot snapshot(String agentId) { throw todo(); }
    @Override public Chat accept(String agentId, String chatId) { throw todo(); }
    @Override public void decline(String agentId, String chatId) { throw todo(); }
    @Override public Chat chat(String chatId) { throw todo(); }
    @Override public SendResult sendFromAgent(String agentId, String chatId, MessageKind kind, String body) { throw todo(); }
    @Override public List<ChatMessage> messages(String chatId, long afterSeq, int limit) { throw todo(); }
    @Override public void typing(String chatId, String who, boolean typing) { throw todo(); }
    @Override public void read(String chatId, String who, long seq) { throw todo(); }
    @Override public Chat transfer(String agentId, String chatId, TransferTarget to, String note) { throw todo(); }
    @Override public Chat invite(String agentId, String chatId, String leaderId) { throw todo(); }
    @Override public Chat end(String agentId, String chatId, String reasonCode, String wrapUpNotes) { throw todo(); }
    @Override public Map<String, String> endReasons() { throw todo(); }
    @Override public void citizenLeft(String sessionId) { throw todo(); }
    @Override public Map<Integer, List<String>> ratingTags() { throw todo(); }
    @Override public Rating rating(String chatId) { throw todo(); }
    @Override public List<AgentSatisfaction> satisfactionByAgent(Instant from, Instant to) { throw todo(); }
    @Override public List<PastConversation> history(String chatId, int limit) { throw todo(); }
    @Override public List<CannedReply> cannedReplies(String agentId, String query) { throw todo(); }
    @Override public CannedReply saveCannedReply(String agentId, long id, String title, String text, boolean shared) { throw todo(); }
    @Override public boolean deleteCannedReply(String agentId, long id) { throw todo(); }
    @Override public List<KnowledgeAssist.Suggestion> assist(String chatId, int limit) { throw todo(); }
    @Override public SkillGroupStore groups() { throw todo(); }
    @Override public AutoCloseable subscribe(Consumer<DeskEvent> subscriber) { throw todo(); }
    @Override public void attach(HandoffListener bot) { throw todo(); }
    @Override public void close() { }
}
