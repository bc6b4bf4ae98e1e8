package org.openhotline.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.bot.clarify.ChoiceParser;
import org.openhotline.bot.faq.FaqAnswerer;
import org.openhotline.bot.hot.HotQuestions;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyOption;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.bot.session.SessionStore;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.nlu.intent.HumanRequestDetector;
import org.openhotline.nlu.text.NormalizedText;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * One citizen message in, one reply out, whatever the channel. The order matters: a request for a
 * human wins over everything, then a pick among options the bot just offered, then the FAQ.
 */
public final class Conversation {
    private static final int OFFERED = 3;

    private final TextNormalizer normalizer;
    private final HumanRequestDetector humanRequests;
    private final FaqAnswerer faq;
    private final IndexManager indexes;
    private final SessionStore sessions;
    private final HotQuestions hot;
    private final BotTexts texts;
    private final Clock clock;
    private final ChoiceParser choices = new ChoiceParser();

    public Conversation(TextNormalizer normalizer, HumanRequestDetector humanRequests, FaqAnswerer faq, IndexManager indexes,
                        SessionStore sessions, HotQuestions hot, BotTexts texts, Clock clock) {
        this.normalizer = normalizer;
        this.humanRequests = humanRequests;
        this.faq = faq;
        this.indexes = indexes;
        this.sessions = sessions;
        this.hot = hot;
        this.texts = texts;
        this.clock = clock;
    }

    public Reply handle(String sessionId, String text) {
        return respond(sessionId, text).reply();
    }

    /** {@link #handle} with the ranking behind the reply, for measurement and logging. */
    public Turn respond(String sessionId, String text) {
        ConversationSession session = sessions.get(sessionId);
        NormalizedText input = normalizer.normalize(text);
        if (input.isBlank()) return remember(session, new Reply(ReplyType.FALLBACK, texts.empty(), null, List.of(), 0, "empty"), List.of());
        String human = humanRequests.match(input.normalized());
        if (human != null) {
            return remember(session, new Reply(ReplyType.TRANSFER, texts.transfer(), null, List.of(), 1.0, "asked for a human: " + human), List.of());
        }
        KnowledgeIndex index = indexes.acquire();
        if (index == null) {
            return remember(session, new Reply(ReplyType.FALLBACK, "知识库正在加载，请稍后再问。", null, List.of(), 0, "index not ready"), List.of());
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
            FaqAnswerer.Result r = faq.answer(index, input.normalized(), today);
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
