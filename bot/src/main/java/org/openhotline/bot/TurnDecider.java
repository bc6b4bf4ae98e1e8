package org.openhotline.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.openhotline.bot.faq.FaqTurn;
import org.openhotline.bot.flow.FlowState;
import org.openhotline.bot.flow.FlowStep;
import org.openhotline.bot.flow.FlowTurn;
import org.openhotline.bot.handoff.HandoverTurn;
import org.openhotline.bot.handoff.LeaveMessageTurn;
import org.openhotline.bot.handoff.RatingTurn;
import org.openhotline.bot.message.Channel;
import org.openhotline.bot.message.Inbound;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyOption;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.bot.session.SessionMode;
import org.openhotline.bot.smalltalk.SmallTalk;
import org.openhotline.bot.transfer.TransferDecision;
import org.openhotline.bot.transfer.TransferPolicy;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.intent.IntentNames;
import org.openhotline.nlu.sensitive.Category;
import org.openhotline.nlu.sensitive.SensitiveResult;

/**
 * What the bot does with one understood message, in order: who the citizen is talking to (a person, a
 * message being left), then a request for a person or anger (they win over everything), then a running task
 * flow or a pick among options just offered, then the FAQ, small talk, and the signals that the bot did not
 * help. {@link Conversation} around it loads and stores the session; this class only decides.
 */
final class TurnDecider {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TurnDecider.class);

    private final IndexManager indexes;
    private final BotTexts texts;
    private final Clock clock;
    private final ZoneId zone;
    private final TransferPolicy transfers;
    private final FaqTurn faq;
    private final HandoverTurn handover;
    private final LeaveMessageTurn leaveMessage;
    private final RatingTurn rating;
    private final FlowTurn flows;
    private final SmallTalk smallTalk = new SmallTalk();

    TurnDecider(IndexManager indexes, BotTexts texts, Clock clock, TransferPolicy transfers, FaqTurn faq, HandoverTurn handover,
                LeaveMessageTurn leaveMessage, RatingTurn rating, FlowTurn flows) {
        this.indexes = indexes;
        this.texts = texts;
        this.clock = clock;
        this.zone = clock.getZone();
        this.transfers = transfers;
        this.faq = faq;
        this.handover = handover;
        this.leaveMessage = leaveMessage;
        this.rating = rating;
        this.flows = flows;
    }

    Turn decide(Inbound in, ConversationSession s, Analysis a, Instant now) {
        SensitiveResult check = a.sensitive();
        boolean abusive = check.count(Category.ABUSE) > 0;
        if (abusive) s.strikeAbuse();
        if (check.blocked()) {
            if (abusive) {
                Optional<TransferDecision> d = transfers.beforeAnswer(a, s, true);
                if (d.isPresent()) return handover(d.get(), s, in, a, null, null);
            }
            return new Turn(Reply.of(ReplyType.FALLBACK, ReplyAct.REFUSED, check.reply(), "inbound refused: " + check.blockingHits().get(0).category().wireName()), List.of());
        }
        if (a.text().isBlank()) return new Turn(Reply.of(ReplyType.FALLBACK, ReplyAct.EMPTY, texts.empty(), "empty"), List.of());
        boolean cancels = a.has(IntentNames.CANCEL);
        if (s.mode() == SessionMode.HUMAN) return new Turn(handover.relay(s, in.channel(), check.text(), cancels), List.of());
        if (s.mode() == SessionMode.RATING) {
            Reply r = rating.step(s, check.text());
            if (r != null) return new Turn(r, List.of());
        }
        if (s.mode() == SessionMode.LEAVING_MESSAGE) {
            Reply r = leaveMessage.step(s, in.channel(), check.text(), a, cancels, now);
            if (r != null) return new Turn(r, List.of());
        }
        Optional<TransferDecision> before = transfers.beforeAnswer(a, s, abusive);
        if (before.isPresent()) return handover(before.get(), s, in, a, null, category(s, null));
        if (abusive) return new Turn(Reply.of(ReplyType.FALLBACK, ReplyAct.REFUSED, texts.get("abuse"), "abuse warning " + s.abuseStrikes()), List.of());
        KnowledgeIndex index = indexes.acquire();
        if (index == null) return new Turn(Reply.of(ReplyType.FALLBACK, ReplyAct.LOADING, texts.loading(), "index not ready"), List.of());
        try {
            LocalDate today = LocalDate.ofInstant(now, zone);
            FlowState running = flows.running(s);
            if (running == null) {
                Turn pick = faq.pick(index, s, a.text().normalized(), today);
                if (pick != null) return spoken(pick, in.channel(), index);
            }
            Optional<FlowStep> step = flows.step(running, a, LocalDateTime.ofInstant(now, zone));
            if (step.isPresent()) {
                Turn t = flowTurn(step.get(), running, s, in, a, index, today);
                if (t != null) return t;
            }
            long searchStart = System.nanoTime();
            Turn found = spoken(faq.search(index, s, a, today), in.channel(), index);
            long searched = System.nanoTime() - searchStart;
            found = found.withRetrieval(searched);
            Reply reply = found.reply();
            Candidate top = found.ranked().isEmpty() ? null : found.ranked().get(0);
            Optional<TransferDecision> asked = transfers.askedWithoutPhrase(a, reply.type());
            if (asked.isPresent()) return handover(asked.get(), s, in, a, null, category(s, top)).withRetrieval(searched);
            if (reply.type() != ReplyType.ANSWER) {
                Optional<String> small = smallTalk.textKey(a);
                if (small.isPresent()) return new Turn(smallTalkReply(small.get(), index, today), found.ranked()).withRetrieval(searched);
            }
            ReplyType previous = s.lastReply() == null ? null : ReplyType.valueOf(s.lastReply());
            Optional<TransferDecision> after = transfers.afterAnswer(a, s, previous, reply.type(), top);
            if (after.isPresent()) return handover(after.get(), s, in, a, reply, category(s, top)).withRetrieval(searched);
            return found;
        } finally {
            index.release();
        }
    }

    /**
     * A flow step as a turn. A question on the way (UNMATCHED) is answered from the knowledge base when the
     * bot is sure, then the flow's question is asked again; giving up hands over with what was collected.
     */
    private Turn flowTurn(FlowStep step, FlowState running, ConversationSession s, Inbound in, Analysis a, KnowledgeIndex index, LocalDate today) {
        String flowId = step.state() != null ? step.state().flowId() : running != null ? running.flowId() : null;
        switch (step.kind()) {
            case UNMATCHED -> {
                long t0 = System.nanoTime();
                Turn found = faq.search(index, s, a, today);
                long searched = System.nanoTime() - t0;
                Reply r = found.reply();
                String back = flows.prompt(running);
                if (r.type() == ReplyType.ANSWER) {
                    return new Turn(new Reply(ReplyType.ANSWER, r.text() + "\n\n" + back, r.entryId(), List.of(), r.confidence(),
                            "answered on the way through flow " + running.flowId(), ReplyAct.FAQ, flows.current(running).buttons(), running.flowId(), null),
                            found.ranked()).withRetrieval(searched);
                }
                FlowStep current = flows.current(running);
                return new Turn(flows.reply(new FlowStep(FlowStep.Kind.REPROMPT, back, current.buttons(), running, "not understood", null, null),
                        running.flowId()), found.ranked()).withRetrieval(searched);
            }
            case GIVE_UP -> {
                s.flowState(null);
                TransferDecision d = "ask_human".equals(step.reason())
                        ? TransferDecision.transfer(org.openhotline.bot.transfer.TransferReason.KEYWORD, "ask_human intent in flow " + flowId)
                        : TransferDecision.transfer(org.openhotline.bot.transfer.TransferReason.FLOW_FAILURES, flowId + ": " + step.reason());
                if (!transfers.settings().flowFailures()) d = TransferDecision.offer(d.reason(), d.detail());
                Reply handed = handover.handle(d, s, in.channel(), in.text(), a, null, category(s, null), flowId, step.collected(), clock.instant());
                String said = d.offerOnly() ? step.text() : FlowTurn.withoutAskingForAPerson(step.text());
                return new Turn(said == null || said.isBlank() ? handed : handed.withText(said + "\n" + handed.text()), List.of());
            }
            default -> {
                flows.remember(s, step);
                return new Turn(flows.reply(step, flowId), List.of());
            }
        }
    }

    /** On a voice-only channel an answer is the entry's speakable variant (no tables, no links) when the editors wrote one. */
    private static Turn spoken(Turn t, Channel channel, KnowledgeIndex index) {
        Reply r = t.reply();
        if (!channel.voiceOnly() || r.type() != ReplyType.ANSWER || r.entryId() == null) return t;
        org.openhotline.kb.model.Entry e = index.entry(r.entryId());
        if (e == null) return t;
        return new Turn(r.withText(e.spokenAnswer()), t.ranked(), t.chosenQuestion(), t.chosenCategory(), t.retrievalNanos());
    }

    private Turn handover(TransferDecision d, ConversationSession s, Inbound in, Analysis a, Reply answer, String category) {
        log.info("handover {} for session {}", d.describe(), s.id().hashCode());
        FlowState running = flows.running(s);
        s.flowState(null); // a person takes over what the flow was doing, with its slots in the summary
        return new Turn(handover.handle(d, s, in.channel(), in.text(), a, answer, category,
                running == null ? null : running.flowId(), FlowTurn.slots(running), clock.instant()), List.of());
    }

    private static String category(ConversationSession s, Candidate top) {
        if (top != null) return top.entry().category();
        return s.topic() == null ? null : s.topic().category();
    }

    /** Thanks and goodbyes end politely; a greeting or chit-chat also lists hot questions, so there is a way on. */
    Reply smallTalkReply(String key, KnowledgeIndex index, LocalDate today) {
        if (key.equals("thanks") || key.equals("goodbye")) return Reply.of(ReplyType.ANSWER, ReplyAct.SMALLTALK, texts.get(key), key);
        List<ReplyOption> opts = faq.hotOptions(index, today);
        if (key.equals("chitchat")) {
            return new Reply(ReplyType.ANSWER, texts.get(key) + "\n" + FaqTurn.numbered(opts), null, opts, 0, key,
                    ReplyAct.SMALLTALK, List.of(), null, null);
        }
        return new Reply(ReplyType.ANSWER, texts.format("welcome", FaqTurn.numbered(opts)), null, opts, 0, "greeting",
                ReplyAct.WELCOME, List.of(), null, null);
    }
}
