package org.openhotline.bot.faq;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.bot.BotTexts;
import org.openhotline.bot.Turn;
import org.openhotline.bot.clarify.ChoiceParser;
import org.openhotline.bot.context.ContextRewriter;
import org.openhotline.bot.hot.HotQuestions;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyOption;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.repair.HomophoneRepairer;

/**
 * The FAQ part of a turn: a pick among the options just offered, else a search (with the previous topic
 * when the message is a follow-up, with speech repair when on) and the confidence tier's reply.
 */
public final class FaqTurn {
    public static final int OFFERED = 3;

    private final FaqAnswerer faq;
    private final HotQuestions hot;
    private final BotTexts texts;
    private final HomophoneRepairer speechRepair;
    private final ContextRewriter context;
    private final ChoiceParser choices = new ChoiceParser();

    public FaqTurn(FaqAnswerer faq, HotQuestions hot, BotTexts texts, HomophoneRepairer speechRepair, ContextRewriter context) {
        this.faq = faq;
        this.hot = hot;
        this.texts = texts;
        this.speechRepair = speechRepair;
        this.context = context;
    }

    /** The option the citizen picked ("2", "第二个", or its words), answered; null when the message is not a pick. */
    public Turn pick(KnowledgeIndex index, ConversationSession session, String normalized, LocalDate today) {
        List<ReplyOption> offered = session.offered();
        if (offered.isEmpty()) return null;
        int pick = choices.parse(normalized, offered.stream().map(ReplyOption::question).toList());
        if (pick < 0) return null;
        Entry chosen = index.entry(offered.get(pick).entryId());
        if (chosen == null || !chosen.isAnswerable(today)) return null;
        return new Turn(new Reply(ReplyType.ANSWER, chosen.answer(), chosen.id(), List.of(), offered.get(pick).score(),
                "chosen option " + (pick + 1), ReplyAct.CHOSEN, List.of(), null, null), List.of(), chosen.question(), chosen.category());
    }

    /** Searches and replies by tier. {@code query} is the normalised (and, for voice, repaired) question. */
    public Turn search(KnowledgeIndex index, ConversationSession session, Analysis analysis, LocalDate today) {
        String question = query(index, analysis.text().normalized());
        FaqAnswerer.Result r = faq.answer(index, question, today);
        String rewritten = session.topic() == null ? null : context.rewrite(analysis, session.topic());
        String reason = null;
        if (rewritten != null && !rewritten.equals(question)) {
            FaqAnswerer.Result withContext = faq.answer(index, query(index, rewritten), today);
            if (withContext.confidence() > r.confidence()) {
                r = withContext;
                reason = "follow-up read as: " + rewritten;
            }
        }
        return reply(index, r, today, reason);
    }

    private String query(KnowledgeIndex index, String normalized) {
        return speechRepair == null ? normalized : speechRepair.repair(normalized, index.repairVocabulary()).text();
    }

    private Turn reply(KnowledgeIndex index, FaqAnswerer.Result r, LocalDate today, String reason) {
        List<Candidate> ranked = r.candidates();
        return switch (r.tier()) {
            case ANSWER -> {
                Candidate top = ranked.get(0);
                yield new Turn(new Reply(ReplyType.ANSWER, top.entry().answer(), top.entry().id(),
                        options(ranked.subList(1, Math.min(ranked.size(), 1 + OFFERED))), top.score(), reason), ranked);
            }
            case CLARIFY -> {
                List<ReplyOption> opts = options(ranked.subList(0, Math.min(ranked.size(), OFFERED)));
                yield new Turn(new Reply(ReplyType.CLARIFY, texts.clarify().formatted(numbered(opts)), null, opts, r.confidence(),
                        reason == null ? "low confidence" : reason), ranked);
            }
            case FALLBACK -> new Turn(fallback(index, today, r.confidence()), ranked);
        };
    }

    /** The polite "I don't know" with hot questions to pick from. */
    public Reply fallback(KnowledgeIndex index, LocalDate today, double confidence) {
        List<ReplyOption> opts = hotOptions(index, today);
        return new Reply(ReplyType.FALLBACK, texts.fallback().formatted(numbered(opts)), null, opts, confidence, "no confident match");
    }

    public List<ReplyOption> hotOptions(KnowledgeIndex index, LocalDate today) {
        return hot.top(index, OFFERED, today).stream().map(e -> new ReplyOption(e.id(), e.question(), 0)).toList();
    }

    private static List<ReplyOption> options(List<Candidate> cs) {
        List<ReplyOption> out = new ArrayList<>();
        for (Candidate c : cs) out.add(new ReplyOption(c.entry().id(), c.entry().question(), c.score()));
        return out;
    }

    public static String numbered(List<ReplyOption> opts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < opts.size(); i++) {
            if (i > 0) sb.append('\n');
            sb.append(i + 1).append(". ").append(opts.get(i).question());
        }
        return sb.toString();
    }
}
