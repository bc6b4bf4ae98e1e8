package org.openhotline.bot.handoff;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.bot.BotTexts;
import org.openhotline.bot.message.Channel;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.bot.session.SessionMode;
import org.openhotline.bot.transfer.HumanHours;
import org.openhotline.bot.transfer.SkillGroups;
import org.openhotline.bot.transfer.TransferDecision;
import org.openhotline.nlu.Analysis;

/**
 * Carries out the transfer policy's decision: an offer of a person (a button), a place in the queue with
 * the summary handed to the desk, or, outside the group's hours, the time people are back and the offer to
 * leave a message or ask for a call back. Never a dead transfer.
 */
public final class HandoverTurn {
    public static final String HUMAN_BUTTON = "转人工";
    public static final List<String> AFTER_HOURS_BUTTONS = List.of("留言", "回电");

    private final Handoff handoff;
    private final HandoffSummaries summaries;
    private final HumanHours hours;
    private final SkillGroups groups;
    private final BotTexts texts;
    private final ZoneId zone;

    public HandoverTurn(Handoff handoff, HandoffSummaries summaries, HumanHours hours, SkillGroups groups, BotTexts texts, ZoneId zone) {
        this.handoff = handoff;
        this.summaries = summaries;
        this.hours = hours;
        this.groups = groups;
        this.texts = texts;
        this.zone = zone;
    }

    /**
     * @param answer  the FAQ reply of this turn, kept in front of an offer (a repeated question is answered again)
     * @param category the category the citizen was asking about, for the skill group (may be null)
     */
    public Reply handle(TransferDecision d, ConversationSession s, Channel channel, String text, Analysis a, Reply answer,
                        String category, String flowId, Map<String, String> flowSlots, Instant now) {
        if (d.offerOnly()) {
            s.offerHuman(d.reason().wireName());
            String offer = texts.get("offer-human");
            if (answer != null && answer.type() == ReplyType.ANSWER) {
                return new Reply(ReplyType.ANSWER, answer.text() + "\n\n" + offer, answer.entryId(), answer.options(), answer.confidence(),
                        "offered a person: " + d.describe(), ReplyAct.OFFER_HUMAN, List.of(HUMAN_BUTTON), null, null);
            }
            return new Reply(ReplyType.FALLBACK, offer, null, List.of(), answer == null ? 0 : answer.confidence(),
                    "offered a person: " + d.describe(), ReplyAct.OFFER_HUMAN, List.of(HUMAN_BUTTON), null, null);
        }
        String group = groups.of(category);
        Optional<String> closed = hours.closedUntil(group, channel, now.atZone(zone));
        if (closed.isPresent()) {
            s.mode(SessionMode.LEAVING_MESSAGE);
            s.pendingMessage(null);
            s.offerHuman(d.reason().wireName());
            return new Reply(ReplyType.FALLBACK, closed.get(), null, List.of(), 0,
                    "outside service hours of " + group + ": " + d.describe(), ReplyAct.OUTSIDE_HOURS, AFTER_HOURS_BUTTONS, flowId, d.reason().wireName());
        }
        HandoffSummary summary = summaries.of(s, channel.wireName(), d, group, text, a, flowId, flowSlots, now);
        HandoffTicket ticket = handoff.request(HandoffKind.TRANSFER, summary, null, null);
        s.mode(SessionMode.HUMAN);
        s.handoffId(ticket.id());
        s.offerHuman(null);
        String reply = texts.transfer() + (ticket.position() > 0 ? "\n" + texts.format("queued", Math.max(0, ticket.position() - 1)) : "");
        return new Reply(ReplyType.TRANSFER, reply, null, List.of(), 1.0, d.describe(), ReplyAct.TRANSFER, List.of(), flowId, d.reason().wireName());
    }

    /**
     * A message while handed over goes to the agent; "算了/不等了" leaves the queue. While waiting the citizen is told the
     * message will be seen; with an agent in the chat the reply is empty (act RELAYED): the agent answers, not the bot.
     */
    public Reply relay(ConversationSession s, Channel channel, String text, boolean cancels) {
        if (cancels) {
            s.mode(SessionMode.BOT);
            s.handoffId(null);
            handoff.cancel(s.id());
            return Reply.of(ReplyType.ANSWER, ReplyAct.FLOW_CANCELLED, "好的，已为您取消人工排队。还有问题可以继续问我。", "left the queue");
        }
        handoff.relay(s.id(), channel.wireName(), text);
        if (handoff.withAgent(s.id())) return Reply.of(ReplyType.TRANSFER, ReplyAct.RELAYED, "", "relayed to the agent");
        return Reply.of(ReplyType.TRANSFER, ReplyAct.QUEUED, texts.get("waiting"), "relayed to the desk");
    }
}
