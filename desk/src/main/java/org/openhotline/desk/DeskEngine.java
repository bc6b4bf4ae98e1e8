package org.openhotline.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffListener;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.bot.handoff.HandoffTicket;
import org.openhotline.bot.handoff.JdbcHandoffQueue;
import org.openhotline.desk.assist.KnowledgeAssist;
import org.openhotline.desk.canned.CannedReply;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatAnnouncer;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.chat.ChatService;
import org.openhotline.desk.chat.Intake;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.chat.SendResult;
import org.openhotline.desk.chat.TransferTarget;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.event.DeskEvents;
import org.openhotline.desk.event.LocalDeskEvents;
import org.openhotline.desk.event.RedisDeskEvents;
import org.openhotline.desk.group.SkillGroupStore;
import org.openhotline.desk.history.HistoryReader;
import org.openhotline.desk.history.PastConversation;
import org.openhotline.desk.notice.Notices;
import org.openhotline.desk.presence.AgentState;
import org.openhotline.desk.presence.Presence;
import org.openhotline.desk.presence.PresenceService;
import org.openhotline.desk.queue.QueueTimers;
import org.openhotline.desk.queue.QueueView;
import org.openhotline.desk.routing.RoutingPass;
import org.openhotline.desk.satisfaction.AgentSatisfaction;
import org.openhotline.desk.satisfaction.Rating;
import org.openhotline.desk.satisfaction.SatisfactionService;
import org.openhotline.desk.store.AgentStore;
import org.openhotline.desk.store.CannedStore;
import org.openhotline.desk.store.ChatStore;
import org.openhotline.desk.store.Jdbc;
import org.openhotline.desk.store.JdbcSkillGroupStore;
import org.openhotline.desk.store.MessageStore;
import org.openhotline.desk.store.RatingStore;

/**
 * The desk over the database: wires the parts (intake, routing, chats, presence, timers, satisfaction, history,
 * canned replies) and delegates to them. Holds no state of its own beyond the wiring, so any number of nodes run
 * one each over the same database.
 */
public final class DeskEngine implements Desk {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeskEngine.class);
    private final DeskParts parts;
    private final Intake intake;
    private final RoutingPass routing;
    private final QueueView queue;
    private final ChatService chats;
    private final PresenceService presence;
    private final QueueTimers timers;
    private final SatisfactionService satisfaction;
    private final RatingStore ratings;
    private final CannedStore canned;
    private final HistoryReader history;
    private final KnowledgeAssist assist;
    private final ScheduledExecutorService timer;
    private final org.openhotline.desk.callback.CallbackService callbacks;

    DeskEngine(DeskBuilder b) {
        Jdbc jdbc = new Jdbc(b.db);
        DeskEvents events = b.redisUrl == null ? new LocalDeskEvents() : new RedisDeskEvents(b.redisUrl, b.redisPrefix);
        JdbcSkillGroupStore groups = new JdbcSkillGroupStore(jdbc, b.clock);
        groups.seed(b.settings.groups());
        ChatStore chatStore = new ChatStore(jdbc);
        MessageStore messages = new MessageStore(jdbc);
        this.parts = new DeskParts(b.settings, b.clock, new AgentStore(jdbc, b.phones), chatStore, messages, groups, events, new Notices(b.notifiers, events),
                b.agents, b.sensitive, b.sources);
        ChatAnnouncer announcer = new ChatAnnouncer(parts);
        this.queue = new QueueView(parts);
        this.routing = new RoutingPass(parts, announcer, queue);
        this.callbacks = new org.openhotline.desk.callback.CallbackService(parts);
        this.intake = new Intake(parts, new JdbcHandoffQueue(b.db), routing, queue, callbacks);
        this.chats = new ChatService(parts, announcer, routing::run);
        this.presence = new PresenceService(parts, announcer, routing::run);
        this.timers = new QueueTimers(parts, announcer);
        this.ratings = new RatingStore(jdbc);
        this.satisfaction = new SatisfactionService(parts, ratings);
        this.canned = new CannedStore(jdbc);
        this.history = new HistoryReader(b.messageLog, chatStore, messages);
        this.assist = b.assist;
        if (b.background) {
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("desk-timer").factory());
            timer.scheduleWithFixedDelay(this::safeTick, 1, 1, TimeUnit.SECONDS);
        } else {
            timer = null;
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.error("desk timer failed; retrying next second", e);
        }
    }

    /** Timed work: wrap-ups end, offers expire, waits overflow or time out, call-back claims lapse; then a routing pass. */
    public void tick() {
        timers.run();
        callbacks.expireClaims();
        routing.run();
    }

    /** One routing pass now (the timer runs one every second anyway). */
    public int route() {
        return routing.run();
    }

    @Override
    public HandoffTicket request(HandoffKind kind, HandoffSummary summary, String message, String phone) {
        return intake.request(kind, summary, message, phone);
    }

    @Override
    public void relay(String sessionId, String channel, String text) {
        chats.fromCitizen(sessionId, text);
    }

    @Override
    public boolean withAgent(String sessionId) {
        try {
            return parts.chats.openOf(sessionId).map(c -> c.status() == org.openhotline.desk.chat.ChatStatus.ACTIVE).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void cancel(String sessionId) {
        try {
            chats.citizenLeft(sessionId);
        } catch (RuntimeException e) {
            log.error("could not end the chat of a citizen who left", e);
        }
    }

    @Override
    public boolean rate(String sessionId, String chatId, int level, List<String> tags, String comment) {
        return satisfaction.rate(sessionId, chatId, level, tags, comment);
    }

    @Override
    public boolean comment(String sessionId, String chatId, String comment) {
        return satisfaction.comment(sessionId, chatId, comment);
    }

    @Override
    public void presence(String agentId, Presence p) {
        presence.set(agentId, p);
    }

    @Override
    public List<AgentState> agents() {
        return parts.agents.all();
    }

    @Override
    public DeskSnapshot snapshot(String agentId) {
        AgentState me = parts.agents.find(agentId).orElseGet(() -> parts.directory.find(agentId)
                .map(p -> new AgentState(agentId, p.displayName(), Presence.OFFLINE, 0, p.maxChats(), p.groups(), null, null, null))
                .orElseThrow(() -> DeskException.notFound("agent " + agentId)));
        return new DeskSnapshot(me, parts.chats.ofAgent(agentId), queue.entries(me.groups()));
    }

    @Override
    public Chat accept(String agentId, String chatId) {
        return chats.accept(agentId, chatId);
    }

    @Override
    public void decline(String agentId, String chatId) {
        chats.decline(agentId, chatId);
    }

    @Override
    public Chat chat(String chatId) {
        return chats.chat(chatId);
    }

    @Override
    public SendResult sendFromAgent(String agentId, String chatId, MessageKind kind, String body) {
        return chats.sendFromAgent(agentId, chatId, kind, body);
    }

    @Override
    public List<ChatMessage> messages(String chatId, long afterSeq, int limit) {
        return parts.messages.after(chatId, afterSeq, limit);
    }

    @Override
    public void typing(String chatId, String who, boolean typing) {
        chats.typing(chatId, who, typing);
    }

    @Override
    public void read(String chatId, String who, long seq) {
        chats.read(chatId, who, seq);
    }

    @Override
    public Chat transfer(String agentId, String chatId, TransferTarget to, String note) {
        return chats.transfer(agentId, chatId, to, note);
    }

    @Override
    public Chat invite(String agentId, String chatId, String leaderId) {
        return chats.invite(agentId, chatId, leaderId);
    }

    @Override
    public Chat end(String agentId, String chatId, String reasonCode, String wrapUpNotes) {
        return chats.end(agentId, chatId, reasonCode, wrapUpNotes);
    }

    @Override
    public Chat notes(String agentId, String chatId, String wrapUpNotes) {
        return chats.notes(agentId, chatId, wrapUpNotes);
    }

    @Override
    public List<org.openhotline.desk.queue.QueueEntry> queue(String group) {
        return queue.entries(group == null ? null : List.of(group));
    }

    @Override
    public Map<String, String> endReasons() {
        return parts.settings.endReasons();
    }

    @Override
    public void citizenLeft(String sessionId) {
        chats.citizenLeft(sessionId);
    }

    @Override
    public Map<Integer, List<String>> ratingTags() {
        return parts.settings.ratingTags();
    }

    @Override
    public Rating rating(String chatId) {
        return ratings.find(chatId).orElse(null);
    }

    @Override
    public List<AgentSatisfaction> satisfactionByAgent(Instant from, Instant to) {
        return ratings.byAgent(from, to);
    }

    @Override
    public List<PastConversation> history(String chatId, int limit) {
        return history.of(chat(chatId), limit);
    }

    @Override
    public List<CannedReply> cannedReplies(String agentId, String query) {
        return canned.search(agentId, query);
    }

    @Override
    public CannedReply saveCannedReply(String agentId, long id, String title, String text, boolean shared) {
        if (title == null || title.isBlank() || text == null || text.isBlank()) throw DeskException.badInput("a canned reply needs a title and a text");
        if (title.length() > 200 || text.length() > 4000) throw DeskException.badInput("title up to 200, text up to 4000 characters");
        if (id > 0) {
            CannedReply old = canned.find(id).orElseThrow(() -> DeskException.notFound("canned reply " + id));
            if (!old.shared() && !agentId.equals(old.ownerId())) throw DeskException.notYours("canned reply " + id + " is someone else's");
        }
        return canned.save(id, shared ? null : agentId, title.strip(), text.strip(), null, parts.clock.instant());
    }

    @Override
    public boolean deleteCannedReply(String agentId, long id) {
        CannedReply old = canned.find(id).orElse(null);
        if (old == null) return false;
        if (!old.shared() && !agentId.equals(old.ownerId())) throw DeskException.notYours("canned reply " + id + " is someone else's");
        return canned.delete(id);
    }

    @Override
    public List<KnowledgeAssist.Suggestion> assist(String chatId, int limit) {
        Chat chat = chat(chatId);
        String text = parts.messages.lastFromCitizen(chatId).orElseGet(() -> lastCitizenLine(chat));
        if (text == null || text.isBlank()) return List.of();
        try {
            return assist.suggest(text, Math.max(1, Math.min(limit, 10)));
        } catch (RuntimeException e) {
            log.warn("knowledge assist failed: {}", e.toString());
            return List.of();
        }
    }

    /** The citizen's last line in the bot's summary ("citizen: …"). */
    private static String lastCitizenLine(Chat chat) {
        if (chat.summary() == null) return null;
        List<String> t = chat.summary().transcript();
        for (int i = t.size() - 1; i >= 0; i--) {
            int colon = t.get(i).indexOf(':');
            if (colon > 0 && !t.get(i).startsWith("bot")) return t.get(i).substring(colon + 1).strip();
        }
        return null;
    }

    @Override
    public org.openhotline.desk.callback.Callbacks callbacks() {
        return callbacks;
    }

    @Override
    public SkillGroupStore groups() {
        return parts.groups;
    }

    @Override
    public AutoCloseable subscribe(Consumer<DeskEvent> subscriber) {
        return parts.events.subscribe(subscriber);
    }

    @Override
    public void attach(HandoffListener bot) {
        parts.bot(bot);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        parts.notices.close();
        parts.events.close();
    }
}
