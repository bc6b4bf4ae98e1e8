package org.openhotline.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.openhotline.bot.audit.SensitiveAuditLog;
import org.openhotline.bot.context.ContextRewriter;
import org.openhotline.bot.faq.FaqAnswerer;
import org.openhotline.bot.faq.FaqTurn;
import org.openhotline.bot.feedback.FeedbackStore;
import org.openhotline.bot.flow.FlowTurn;
import org.openhotline.bot.handoff.Handoff;
import org.openhotline.bot.handoff.HandoffSummaries;
import org.openhotline.bot.handoff.HandoverTurn;
import org.openhotline.bot.handoff.InMemoryHandoff;
import org.openhotline.bot.handoff.LeaveMessageTurn;
import org.openhotline.bot.hot.HotQuestions;
import org.openhotline.bot.log.InMemoryMessageLog;
import org.openhotline.bot.log.LoggedMessage;
import org.openhotline.bot.log.MessageLog;
import org.openhotline.bot.log.NluRecord;
import org.openhotline.bot.message.Channel;
import org.openhotline.bot.message.Inbound;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.bot.session.InMemorySessionStore;
import org.openhotline.bot.session.SessionLocks;
import org.openhotline.bot.session.SessionMode;
import org.openhotline.bot.session.SessionStore;
import org.openhotline.bot.session.Topic;
import org.openhotline.bot.transfer.HumanHours;
import org.openhotline.bot.transfer.SkillGroups;
import org.openhotline.bot.transfer.TransferPolicy;
import org.openhotline.bot.transfer.TransferSettings;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.intent.HumanRequestDetector;
import org.openhotline.nlu.repair.HomophoneRepairer;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.sensitive.SensitiveResult;

/**
 * One citizen message in, one reply out, whatever the channel. A turn runs under the session's lock,
 * reads the session, decides, and writes the session and both messages to the stores before returning,
 * so that what the channel acknowledges is never lost and the next node can continue.
 * What to reply is {@link TurnDecider}'s; this class owns the session around it (locks, stores, the
 * outbound sensitive-word check, welcome, feedback, the end of a handoff and idle closing).
 */
public final class Conversation implements org.openhotline.bot.handoff.HandoffListener {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Conversation.class);
    /** Intents and entities kept per session for the agent's summary. */
    private static final int NOTED = 20;

    private final java.util.function.Supplier<Analyzer> analyzer;
    private final IndexManager indexes;
    private final SessionStore sessions;
    private final MessageLog messages;
    private final org.openhotline.bot.session.TurnWriter turnWriter;
    private final BotTexts texts;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration idle;
    private final SensitiveFilter outbound;
    private final SensitiveAuditLog auditLog;
    private final FeedbackStore feedback;
    private final TransferPolicy transfers;
    private final TurnDecider decider;
    private final SessionLocks locks = new SessionLocks(512);

    private Conversation(Builder b) {
        this.analyzer = Objects.requireNonNull(b.analyzer, "analyzer");
        this.indexes = Objects.requireNonNull(b.indexes, "indexes");
        FaqAnswerer answerer = Objects.requireNonNull(b.faq, "faq");
        this.clock = b.clock;
        this.zone = b.clock.getZone();
        this.idle = b.idle;
        this.sessions = b.sessions != null ? b.sessions : new InMemorySessionStore(100_000);
        this.messages = b.messages != null ? b.messages : new InMemoryMessageLog(10_000);
        this.turnWriter = b.turnWriter != null ? b.turnWriter : org.openhotline.bot.session.TurnWriter.separate(sessions, messages);
        this.texts = b.texts;
        this.outbound = b.sensitive;
        this.auditLog = Objects.requireNonNull(b.auditLog, "auditLog");
        this.feedback = b.feedback;
        this.transfers = new TransferPolicy(b.transferSettings, b.humanRequests != null ? b.humanRequests : HumanRequestDetector.bundled(new org.openhotline.nlu.pinyin.PinyinConverter()));
        HotQuestions hot = new HotQuestions(b.pinned, this.messages, b.clock);
        FaqTurn faq = new FaqTurn(answerer, hot, texts, b.speechRepair, b.context);
        FlowTurn flows = new FlowTurn(Objects.requireNonNull(b.flows, "flows"));
        HandoffSummaries summaries = new HandoffSummaries(this.messages);
        Handoff handoff = b.handoff != null ? b.handoff : new InMemoryHandoff();
        HandoverTurn handover = new HandoverTurn(handoff, summaries, b.hours, b.skillGroups, texts, zone);
        LeaveMessageTurn leaveMessage = new LeaveMessageTurn(handoff, summaries, b.skillGroups, texts);
        org.openhotline.bot.handoff.RatingTurn rating = new org.openhotline.bot.handoff.RatingTurn(b.satisfaction, texts);
        this.decider = new TurnDecider(indexes, texts, clock, transfers, faq, handover, leaveMessage, rating, flows);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a conversation; the analyser, index and FAQ parts are required, the rest has named defaults. */
    public static final class Builder {
        private java.util.function.Supplier<Analyzer> analyzer;
        private HumanRequestDetector humanRequests;
        private FaqAnswerer faq;
        private IndexManager indexes;
        private SessionStore sessions;
        private MessageLog messages;
        private org.openhotline.bot.session.TurnWriter turnWriter;
        private Handoff handoff;
        private org.openhotline.bot.handoff.SatisfactionSink satisfaction = org.openhotline.bot.handoff.SatisfactionSink.NONE;
        private List<String> pinned = List.of();
        private BotTexts texts = BotTexts.defaults();
        private Clock clock = Clock.systemDefaultZone();
        private Duration idle = Duration.ofMinutes(30);
        private HomophoneRepairer speechRepair;
        private SensitiveFilter sensitive;
        private SensitiveAuditLog auditLog = SensitiveAuditLog.NONE;
        private FeedbackStore feedback = FeedbackStore.NONE;
        private TransferSettings transferSettings = TransferSettings.defaults();
        private HumanHours hours = HumanHours.ALWAYS;
        private SkillGroups skillGroups = new SkillGroups(Map.of(), "default");
        private ContextRewriter context = ContextRewriter.NONE;
        private org.openhotline.bot.flow.FlowEngine flows = org.openhotline.bot.flow.FlowEngine.none();

        /** Required: understands each message (its sensitive filter checks what citizens write). */
        public Builder analyzer(Analyzer v) { this.analyzer = () -> v; return this; }
        /** An analyser that follows the live knowledge-base version (its dictionaries); asked once per message. */
        public Builder analyzer(java.util.function.Supplier<Analyzer> v) { this.analyzer = v; return this; }
        /** Default: the bundled ask-for-human phrases, checked beside the analyser's ask_human intent. */
        public Builder humanRequests(HumanRequestDetector v) { this.humanRequests = v; return this; }
        public Builder faq(FaqAnswerer v) { this.faq = v; return this; }
        public Builder indexes(IndexManager v) { this.indexes = v; return this; }
        /** Default: in memory, at most 100,000 sessions. */
        public Builder sessions(SessionStore v) { this.sessions = v; return this; }
        /** Default: the last 10,000 messages in memory. */
        public Builder messages(MessageLog v) { this.messages = v; return this; }
        /** Default: the log, then the session, separately; the database's writer does both in one transaction. */
        public Builder turnWriter(org.openhotline.bot.session.TurnWriter v) { this.turnWriter = v; return this; }
        /** Default: handoffs kept in memory (no desk). */
        public Builder handoff(Handoff v) { this.handoff = v; return this; }
        /** Default: none; where ratings given in rating mode (after the desk's invitation) go: the desk. */
        public Builder satisfaction(org.openhotline.bot.handoff.SatisfactionSink v) { this.satisfaction = v; return this; }
        /** Default: none; entry ids shown first among hot questions. */
        public Builder pinnedQuestions(List<String> v) { this.pinned = List.copyOf(v); return this; }
        /** Default: {@link BotTexts#defaults()}. */
        public Builder texts(BotTexts v) { this.texts = v; return this; }
        /** Default: the system clock; its zone is the bureau's for dates and service hours. */
        public Builder clock(Clock v) { this.clock = v; return this; }
        /** Default: 30 minutes without a message closes a session. */
        public Builder idle(Duration v) { this.idle = v; return this; }
        /** Default: off; with a repairer, questions are repaired against the knowledge base's words before search. */
        public Builder speechRepair(HomophoneRepairer v) { this.speechRepair = v; return this; }
        /** Default: off; with a filter, the bot's replies are checked before they go out. */
        public Builder sensitive(SensitiveFilter v) { this.sensitive = v; return this; }
        /** Default: {@link SensitiveAuditLog#NONE}; told of every inbound and outbound check that has hits. */
        public Builder auditLog(SensitiveAuditLog v) { this.auditLog = v; return this; }
        public Builder feedback(FeedbackStore v) { this.feedback = v; return this; }
        /** Default: {@link TransferSettings#defaults()}. */
        public Builder transfers(TransferSettings v) { this.transferSettings = v; return this; }
        /** Default: people always available. */
        public Builder hours(HumanHours v) { this.hours = v; return this; }
        /** Default: every handoff to the group "default". */
        public Builder skillGroups(SkillGroups v) { this.skillGroups = v; return this; }
        /** Default: {@link ContextRewriter#NONE}. */
        public Builder context(ContextRewriter v) { this.context = v; return this; }
        /** Default: no task flows. */
        public Builder flows(org.openhotline.bot.flow.FlowEngine v) { this.flows = v; return this; }

        public Conversation build() {
            return new Conversation(this);
        }
    }

    public Reply handle(String sessionId, String text) {
        return respond(Inbound.web(sessionId, text)).reply();
    }

    /** {@link #respond(Inbound)} for the web chat and the eval. */
    public Turn respond(String sessionId, String text) {
        return respond(Inbound.web(sessionId, text));
    }

    /** One message through the engine; the returned turn has been stored. */
    public Turn respond(Inbound in) {
        Instant received = clock.instant();
        String sid = in.sessionId();
        ReentrantLock lock = locks.of(sid);
        lock.lock();
        try {
            ConversationSession s = load(sid, in.channel(), received);
            Analysis a = analyzer.get().analyze(in.text(), Direction.INBOUND, LocalDateTime.ofInstant(received, zone));
            Turn turn;
            try {
                audit(sid, a.sensitive());
                turn = decider.decide(in, s, a, received);
            } catch (RuntimeException e) {
                log.error("a turn failed; the citizen gets the way to a person", e);
                turn = new Turn(Reply.of(ReplyType.FALLBACK, ReplyAct.FALLBACK, texts.loading(), "error: " + e.getClass().getSimpleName()), List.of());
            }
            turn = checkOutbound(sid, turn);
            s.note(a.intents().stream().filter(org.openhotline.nlu.intent.Intent::isPresent).map(org.openhotline.nlu.intent.Intent::name).toList(),
                    a.entities().stream().map(e -> e.type().wireName() + "=" + e.value()).toList(), NOTED);
            remember(s, turn, a);
            s.touch(received);
            s.countTurn();
            store(in, s, a, turn, received);
            return turn;
        } finally {
            lock.unlock();
        }
    }

    private ConversationSession load(String sid, Channel channel, Instant now) {
        ConversationSession s = sessions.find(sid);
        if (s == null || s.lastSeen().plus(idle).isBefore(now)) return new ConversationSession(sid, channel.wireName(), now);
        return s;
    }

    /** The greeting a channel shows when a citizen arrives (web chat opened, WeChat subscribe). Not logged as a turn. */
    public Reply welcome() {
        KnowledgeIndex index = indexes.acquire();
        if (index == null) return Reply.of(ReplyType.ANSWER, ReplyAct.WELCOME, texts.format("welcome", ""), "index not ready");
        try {
            return decider.smallTalkReply("welcome", index, LocalDate.now(clock));
        } finally {
            index.release();
        }
    }

    /**
     * "Was this helpful" on an answer. A "no" offers a person right away (the low-satisfaction strategy) and
     * is stored for the editors either way.
     */
    public Reply feedback(String sessionId, String entryId, boolean helpful) {
        Instant now = clock.instant();
        feedback.record(sessionId, entryId, helpful, now);
        if (helpful || !transfers.settings().lowSatisfaction()) {
            return Reply.of(ReplyType.ANSWER, ReplyAct.FEEDBACK, texts.get("feedback-thanks"), helpful ? "helpful" : "not helpful");
        }
        ReentrantLock lock = locks.of(sessionId);
        lock.lock();
        try {
            ConversationSession s = sessions.find(sessionId);
            if (s == null) s = new ConversationSession(sessionId, Channel.WEB.wireName(), now);
            s.offerHuman(org.openhotline.bot.transfer.TransferReason.LOW_SATISFACTION.wireName());
            s.touch(now);
            sessions.save(s);
            return new Reply(ReplyType.FALLBACK, texts.get("feedback-thanks") + texts.get("offer-human"), null, List.of(), 0,
                    "offered a person: low_satisfaction: " + entryId, ReplyAct.OFFER_HUMAN, List.of(HandoverTurn.HUMAN_BUTTON), null, null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether this citizen is with a person (queued or talking): channels then pass what the bot cannot read
     * (a picture, a place) on to the agent instead of the bot's polite reply.
     */
    public boolean withPerson(Inbound in) {
        ConversationSession s = sessions.find(in.sessionId());
        return s != null && s.mode() == SessionMode.HUMAN;
    }

    /** The desk ended the chat with a person: the citizen's next message is the bot's again. */
    public void endHandoff(String sessionId) {
        handoffEnded(sessionId, null, false);
    }

    /** The desk ended the chat; with {@code inviteRating} the citizen's next "1".."5" rates it (rating mode). */
    @Override
    public void handoffEnded(String sessionId, String chatId, boolean inviteRating) {
        withSession(sessionId, s -> {
            s.mode(inviteRating ? SessionMode.RATING : SessionMode.BOT);
            s.handoffId(inviteRating ? chatId : null);
            s.ratedChat(null);
        });
    }

    /** Nobody took the chat in time: the citizen may now leave a message or ask for a call back ("留言" / "回电"). */
    @Override
    public void handoffTimedOut(String sessionId, String chatId) {
        withSession(sessionId, s -> {
            s.mode(SessionMode.LEAVING_MESSAGE);
            s.pendingMessage(null);
            s.handoffId(null);
        });
    }

    private void withSession(String sessionId, java.util.function.Consumer<ConversationSession> change) {
        ReentrantLock lock = locks.of(sessionId);
        lock.lock();
        try {
            ConversationSession s = sessions.find(sessionId);
            if (s == null) return;
            change.accept(s);
            sessions.save(s);
        } finally {
            lock.unlock();
        }
    }

    /** A session closed for idleness, with the closing message that was logged for it (channels that can push send it). */
    public record Closed(String sessionId, String channel, String text) {}

    /** Closes sessions idle longer than the timeout; each gets the closing message in the log. */
    public List<Closed> closeIdle(int max) {
        Instant now = clock.instant();
        List<Closed> out = new ArrayList<>();
        for (ConversationSession s : sessions.idleSince(now.minus(idle), max)) {
            ReentrantLock lock = locks.of(s.id());
            lock.lock();
            try {
                String text = texts.get("closing");
                messages.record(List.of(new LoggedMessage(0, s.id(), s.channel(), "out", now, text, ReplyType.ANSWER.wireName(),
                        ReplyAct.CLOSING.wireName(), null, null, null, "idle " + idle.toMinutes() + " min", null, null)));
                sessions.close(s.id());
                out.add(new Closed(s.id(), s.channel(), text));
            } finally {
                lock.unlock();
            }
        }
        return out;
    }

    /**
     * A reply that would carry a blocked word is not sent (an answer text can be wrong too); the citizen
     * gets an apology and the way to a person, and the reason names the word for whoever reviews it.
     */
    private Turn checkOutbound(String sessionId, Turn turn) {
        if (outbound == null) return turn;
        SensitiveResult out = outbound.check(turn.reply().text(), Direction.OUTBOUND);
        audit(sessionId, out);
        if (!out.blocked()) return turn;
        log.warn("withheld a reply from entry {}: {}", turn.reply().entryId(), out.reason());
        return new Turn(Reply.of(ReplyType.FALLBACK, ReplyAct.WITHHELD, texts.withheld(), "outbound withheld: " + out.reason()), turn.ranked())
                .withRetrieval(turn.retrievalNanos());
    }

    private void audit(String sessionId, SensitiveResult result) {
        if (result.clean()) return;
        try {
            auditLog.record(sessionId, result);
        } catch (RuntimeException e) {
            log.warn("sensitive-word audit failed: {}", e.toString());
        }
    }

    /** Related questions under an answer are shown, not numbered, so a later "2" is not read as a pick. */
    private static void remember(ConversationSession s, Turn turn, Analysis a) {
        Reply reply = turn.reply();
        boolean offers = reply.type() == ReplyType.CLARIFY || reply.type() == ReplyType.FALLBACK || reply.act() == ReplyAct.WELCOME
                || reply.act() == ReplyAct.SMALLTALK;
        s.offer(offers ? reply.options() : List.of());
        if (reply.act() == ReplyAct.FALLBACK || reply.act() == ReplyAct.CLARIFY || reply.act() == ReplyAct.FAQ
                || reply.act() == ReplyAct.CHOSEN || reply.act() == ReplyAct.OFFER_HUMAN) {
            s.recordFallback(reply.act() == ReplyAct.FALLBACK);
        }
        if (reply.type() == ReplyType.ANSWER && reply.entryId() != null) {
            s.answered(a.text().normalized(), reply.entryId());
            s.topic(topic(turn, reply.entryId(), a.text().normalized()));
        }
        if (reply.act() != ReplyAct.OFFER_HUMAN && reply.act() != ReplyAct.OUTSIDE_HOURS && s.mode() == SessionMode.BOT) s.offerHuman(null);
        s.lastReply(reply.type().name());
    }

    private void store(Inbound in, ConversationSession s, Analysis a, Turn turn, Instant received) {
        Reply r = turn.reply();
        Instant sent = clock.instant();
        String body = a.sensitive().text();
        LoggedMessage inbound = LoggedMessage.in(s.id(), in.channel().wireName(), received, body, NluRecord.of(a));
        LoggedMessage outbound = new LoggedMessage(0, s.id(), in.channel().wireName(), "out", sent, r.text(), r.type().wireName(),
                r.act().wireName(), r.entryId(), r.flowId(), r.confidence(), r.reason(), null,
                (int) Math.min(Integer.MAX_VALUE, Duration.between(received, sent).toMillis()));
        turnWriter.write(s, List.of(inbound, outbound));
    }

    /** What an answer was about; for a picked option the query is the option's question, not "2". */
    private static Topic topic(Turn turn, String entryId, String query) {
        for (Candidate c : turn.ranked()) {
            if (c.entry().id().equals(entryId)) return new Topic(entryId, c.entry().question(), c.entry().category(), query);
        }
        return new Topic(entryId, turn.chosenQuestion(), turn.chosenCategory(), turn.chosenQuestion() == null ? query : turn.chosenQuestion());
    }

    public SessionStore sessions() {
        return sessions;
    }

    public MessageLog messages() {
        return messages;
    }
}
