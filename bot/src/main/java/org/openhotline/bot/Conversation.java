package org.openhotline.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.bot.audit.SensitiveAuditLog;
import org.openhotline.bot.clarify.ChoiceParser;
import org.openhotline.bot.faq.FaqAnswerer;
import org.openhotline.bot.hot.HotQuestions;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyOption;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.bot.session.InMemorySessionStore;
import org.openhotline.bot.session.SessionStore;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.nlu.intent.HumanRequestDetector;
import org.openhotline.nlu.repair.HomophoneRepairer;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.sensitive.SensitiveResult;
import org.openhotline.nlu.text.NormalizedText;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * One citizen message in, one reply out, whatever the channel. The order matters: a request for a
 * human wins over everything, then a pick among options the bot just offered, then the FAQ.
 */
public final class Conversation {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Conversation.class);
    private static final int OFFERED = 3;

    private final TextNormalizer normalizer;
    private final HumanRequestDetector humanRequests;
    private final FaqAnswerer faq;
    private final IndexManager indexes;
    private final SessionStore sessions;
    private final HotQuestions hot;
    private final BotTexts texts;
    private final Clock clock;
    private final HomophoneRepairer speechRepair;
    private final SensitiveFilter sensitive;
    private final SensitiveAuditLog auditLog;
    private final ChoiceParser choices = new ChoiceParser();

    private Conversation(Builder b) {
        this.normalizer = java.util.Objects.requireNonNull(b.normalizer, "normalizer");
        this.humanRequests = java.util.Objects.requireNonNull(b.humanRequests, "humanRequests");
        this.faq = java.util.Objects.requireNonNull(b.faq, "faq");
        this.indexes = java.util.Objects.requireNonNull(b.indexes, "indexes");
        this.clock = b.clock;
        this.sessions = b.sessions != null ? b.sessions : new InMemorySessionStore(b.clock, java.time.Duration.ofMinutes(30), 100_000);
        this.hot = b.hot;
        this.texts = b.texts;
        this.speechRepair = b.speechRepair;
        this.sensitive = b.sensitive;
        this.auditLog = java.util.Objects.requireNonNull(b.auditLog, "auditLog");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a conversation; the text, index and FAQ parts are required, the rest has named defaults. */
    public static final class Builder {
        private TextNormalizer normalizer;
        private HumanRequestDetector humanRequests;
        private FaqAnswerer faq;
        private IndexManager indexes;
        private SessionStore sessions;
        private HotQuestions hot = new HotQuestions(List.of());
        private BotTexts texts = BotTexts.defaults();
        private Clock clock = Clock.systemDefaultZone();
        private HomophoneRepairer speechRepair;
        private SensitiveFilter sensitive;
        private SensitiveAuditLog auditLog = SensitiveAuditLog.NONE;

        public Builder normalizer(TextNormalizer v) { this.normalizer = v; return this; }
        public Builder humanRequests(HumanRequestDetector v) { this.humanRequests = v; return this; }
        public Builder faq(FaqAnswerer v) { this.faq = v; return this; }
        public Builder indexes(IndexManager v) { this.indexes = v; return this; }
        /** Default: in memory, 30 minutes idle, at most 100,000 sessions. */
        public Builder sessions(SessionStore v) { this.sessions = v; return this; }
        /** Default: no pinned questions (one per category). */
        public Builder hotQuestions(HotQuestions v) { this.hot = v; return this; }
        /** Default: {@link BotTexts#defaults()}. */
        public Builder texts(BotTexts v) { this.texts = v; return this; }
        /** Default: the system clock. */
        public Builder clock(Clock v) { this.clock = v; return this; }
        /** Default: off; with a repairer, questions are repaired against the knowledge base's words before search. */
        public Builder speechRepair(HomophoneRepairer v) { this.speechRepair = v; return this; }

        /** Default: off; with a filter, inbound messages are flagged, masked or refused and replies checked before they go out. */
        public Builder sensitive(SensitiveFilter v) { this.sensitive = v; return this; }
        /** Default: {@link SensitiveAuditLog#NONE}; told of every inbound and outbound check that has hits. */
        public Builder auditLog(SensitiveAuditLog v) { this.auditLog = v; return this; }

        public Conversation build() {
            return new Conversation(this);
        }
    }

    public Reply handle(String sessionId, String text) {
        return respond(sessionId, text).reply();
    }

    /** {@link #handle} with the ranking behind the reply, for measurement and logging. */
    public Turn respond(String sessionId, String text) {
        ConversationSession session = sessions.get(sessionId);
        if (sensitive != null) {
            SensitiveResult in = sensitive.check(text, Direction.INBOUND);
            audit(sessionId, in);
            if (in.blocked()) {
                return remember(session, new Reply(ReplyType.FALLBACK, in.reply(), null, List.of(), 0, "inbound refused: " + in.reason()), List.of());
            }
            text = in.text(); // masked where the policy masks
        }
        Turn turn = understand(session, text);
        return sensitive == null ? turn : checkOutbound(sessionId, session, turn);
    }

    /**
     * A reply that would carry a blocked word is not sent (an answer text can be wrong too); the citizen
     * gets an apology and the way to a person, and the reason names the word for whoever reviews it.
     */
    private Turn checkOutbound(String sessionId, ConversationSession session, Turn turn) {
        SensitiveResult out = sensitive.check(turn.reply().text(), Direction.OUTBOUND);
        audit(sessionId, out);
        if (!out.blocked()) return turn;
        log.warn("withheld a reply from entry {}: {}", turn.reply().entryId(), out.reason());
        return remember(session, new Reply(ReplyType.FALLBACK, texts.withheld(), null, List.of(), 0, "outbound withheld: " + out.reason()), turn.ranked());
    }

    private void audit(String sessionId, SensitiveResult result) {
        if (result.clean()) return;
        try {
            auditLog.record(sessionId, result);
        } catch (RuntimeException e) {
            log.warn("sensitive-word audit failed: {}", e.toString());
        }
    }

    private Turn understand(ConversationSession session, String text) {
        NormalizedText input = normalizer.normalize(text);
        if (input.isBlank()) return remember(session, new Reply(ReplyType.FALLBACK, texts.empty(), null, List.of(), 0, "empty"), List.of());
        String human = humanRequests.match(input.normalized());
        if (human != null) {
            return remember(session, new Reply(ReplyType.TRANSFER, texts.transfer(), null, List.of(), 1.0, "asked for a human: " + human), List.of());
        }
        KnowledgeIndex index = indexes.acquire();
        if (index == null) {
            return remember(session, new Reply(ReplyType.FALLBACK, texts.loading(), null, List.of(), 0, "index not ready"), List.of());
        }
        try {
            LocalDate today = LocalDate.now(clock);
            List<ReplyOption> offered = session.offered();
            if (!offered.isEmpty()) {
                int pick = choices.parse(input.normalized(), offered.stream().map(ReplyOption::question).toList());
                if (pick >= 0) {
                    Entry chosen = index.entry(offered.get(pick).entryId());
                    if (chosen != null && chosen.isAnswerable(today)) {
                        return remember(session, new Reply(ReplyType.ANSWER, chosen.answer(), chosen.id(), List.of(), offered.get(pick).score(), "chosen option " + (pick + 1)), List.of());
                    }
                }
            }
            String question = speechRepair == null ? input.normalized()
                    : speechRepair.repair(input.normalized(), index.repairVocabulary()).text();
            FaqAnswerer.Result r = faq.answer(index, question, today);
            List<Candidate> ranked = r.candidates();
            return switch (r.tier()) {
                case ANSWER -> {
                    Candidate top = ranked.get(0);
                    yield remember(session, new Reply(ReplyType.ANSWER, top.entry().answer(), top.entry().id(),
                            options(ranked.subList(1, Math.min(ranked.size(), 1 + OFFERED))), top.score(), null), ranked);
                }
                case CLARIFY -> {
                    List<ReplyOption> opts = options(ranked.subList(0, Math.min(ranked.size(), OFFERED)));
                    yield remember(session, new Reply(ReplyType.CLARIFY, texts.clarify().formatted(numbered(opts)), null, opts, r.confidence(), "low confidence"), ranked);
                }
                case FALLBACK -> {
                    List<ReplyOption> opts = hot.top(index, OFFERED, today).stream().map(e -> new ReplyOption(e.id(), e.question(), 0)).toList();
                    yield remember(session, new Reply(ReplyType.FALLBACK, texts.fallback().formatted(numbered(opts)), null, opts, r.confidence(), "no confident match"), ranked);
                }
            };
        } finally {
            index.release();
        }
    }

    /** Related questions under an answer are shown, not numbered, so a later "2" is not read as a pick. */
    private Turn remember(ConversationSession session, Reply reply, List<Candidate> ranked) {
        session.offer(reply.type() == ReplyType.CLARIFY || reply.type() == ReplyType.FALLBACK ? reply.options() : List.of());
        session.recordFallback(reply.type() == ReplyType.FALLBACK);
        return new Turn(reply, ranked);
    }

    private static List<ReplyOption> options(List<Candidate> cs) {
        List<ReplyOption> out = new ArrayList<>();
        for (Candidate c : cs) out.add(new ReplyOption(c.entry().id(), c.entry().question(), c.score()));
        return out;
    }

    private static String numbered(List<ReplyOption> opts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < opts.size(); i++) {
            if (i > 0) sb.append('\n');
            sb.append(i + 1).append(". ").append(opts.get(i).question());
        }
        return sb.toString();
    }
}
