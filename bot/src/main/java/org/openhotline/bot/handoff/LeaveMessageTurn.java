package org.openhotline.bot.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.BotJson;
import org.openhotline.bot.BotTexts;
import org.openhotline.bot.message.Channel;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.bot.session.SessionMode;
import org.openhotline.bot.transfer.SkillGroups;
import org.openhotline.bot.transfer.TransferDecision;
import org.openhotline.bot.transfer.TransferReason;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.entity.Entity;
import org.openhotline.nlu.entity.EntityType;

/**
 * Outside service hours: takes down a message (its text, then a phone number) or a call-back request (a
 * phone number) and hands it to the desk for the next working day. Anything that is neither lets the
 * citizen go back to the bot: this is an offer, not a trap.
 */
public final class LeaveMessageTurn {
    private static final int MAX_PHONE_TRIES = 2;

    /** What has been collected so far, kept in the session as JSON. */
    record Pending(String kind, String text, int phoneTries) {}

    private final Handoff handoff;
    private final HandoffSummaries summaries;
    private final SkillGroups groups;
    private final BotTexts texts;

    public LeaveMessageTurn(Handoff handoff, HandoffSummaries summaries, SkillGroups groups, BotTexts texts) {
        this.handoff = handoff;
        this.summaries = summaries;
        this.groups = groups;
        this.texts = texts;
    }

    /** The reply, or null when the message is not part of leaving a message (the bot handles it as usual). */
    public Reply step(ConversationSession s, Channel channel, String text, Analysis a, boolean cancels, Instant now) {
        Pending p = read(s.pendingMessage());
        String t = a.text().normalized();
        if (cancels) return leave(s, "好的，已取消留言。还有问题可以继续问我。");
        if (p == null) {
            if (t.contains("留言")) return ask(s, new Pending("message", null, 0), texts.get("leave-message"));
            if (t.contains("回电") || t.contains("回电话") || t.contains("回拨")) return ask(s, new Pending("callback", null, 0), texts.get("leave-phone"));
            s.mode(SessionMode.BOT);
            return null;
        }
        if ("message".equals(p.kind()) && p.text() == null) return ask(s, new Pending("message", text, 0), texts.get("leave-phone"));
        String phone = a.entities().stream().filter(e -> e.type() == EntityType.PHONE).map(Entity::value).findFirst().orElse(null);
        if (phone == null) {
            if (p.phoneTries() >= MAX_PHONE_TRIES) return leave(s, "抱歉没能记下您的电话。您可以在工作时间再联系我们，或回复“转人工”。");
            return ask(s, new Pending(p.kind(), p.text(), p.phoneTries() + 1), texts.get("bad-phone"));
        }
        HandoffKind kind = "callback".equals(p.kind()) ? HandoffKind.CALLBACK : HandoffKind.MESSAGE;
        TransferReason reason = s.humanOffered() == null ? TransferReason.KEYWORD : TransferReason.fromWire(s.humanOffered());
        String category = s.topic() == null ? null : s.topic().category();
        HandoffSummary summary = summaries.of(s, channel.wireName(), TransferDecision.transfer(reason, kind.wireName() + " outside hours"),
                groups.of(category), text, a, null, Map.of(), now);
        HandoffTicket ticket = handoff.request(kind, summary, p.text(), phone);
        s.mode(SessionMode.BOT);
        s.pendingMessage(null);
        s.offerHuman(null);
        return new Reply(ReplyType.ANSWER, texts.format("message-taken", ticket.id()), null, List.of(), 1.0,
                kind.wireName() + " recorded", ReplyAct.MESSAGE_TAKEN, List.of(), null, null);
    }

    private static Reply ask(ConversationSession s, Pending p, String prompt) {
        s.pendingMessage(write(p));
        return Reply.of(ReplyType.ANSWER, ReplyAct.OUTSIDE_HOURS, prompt, "leaving a message");
    }

    private static Reply leave(ConversationSession s, String text) {
        s.mode(SessionMode.BOT);
        s.pendingMessage(null);
        s.offerHuman(null);
        return Reply.of(ReplyType.ANSWER, ReplyAct.FLOW_CANCELLED, text, "left message taking");
    }

    private static Pending read(String json) {
        if (json == null) return null;
        try {
            return BotJson.mapper().readValue(json, Pending.class);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String write(Pending p) {
        try {
            return BotJson.mapper().writeValueAsString(p);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
