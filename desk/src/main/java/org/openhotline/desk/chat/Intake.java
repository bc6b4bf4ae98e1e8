package org.openhotline.desk.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.bot.handoff.HandoffTicket;
import org.openhotline.bot.handoff.JdbcHandoffQueue;
import org.openhotline.desk.DeskParts;
import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.Callbacks;
import org.openhotline.desk.callback.NewCallback;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.queue.QueueView;
import org.openhotline.desk.routing.RoutingPass;

/**
 * The bot hands a citizen over: a TRANSFER becomes a queued chat (priority from the rules, the citizen's last agent
 * remembered for sticky routing), the citizen gets the welcome, position and estimated wait, and routing runs.
 * Messages and callback requests are recorded in {@code handoff_request} as before and become call-back tasks, the
 * agents' list of people to answer later.
 */
public final class Intake {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Intake.class);
    private final DeskParts parts;
    private final JdbcHandoffQueue requests;
    private final RoutingPass routing;
    private final QueueView view;
    private final Callbacks callbacks;

    public Intake(DeskParts parts, JdbcHandoffQueue requests, RoutingPass routing, QueueView view, Callbacks callbacks) {
        this.parts = parts;
        this.callbacks = callbacks;
        this.requests = requests;
        this.routing = routing;
        this.view = view;
    }

    public HandoffTicket request(HandoffKind kind, HandoffSummary summary, String message, String phone) {
        if (kind != HandoffKind.TRANSFER) {
            HandoffSummary s = summary.skillGroup() == null ? withGroup(summary, parts.settings.defaultGroup()) : summary;
            HandoffTicket ticket = requests.request(kind, s, message, phone);
            task(kind, s, message, phone, ticket.id());
            return ticket;
        }
        Chat open = parts.chats.openOf(summary.sessionId()).orElse(null);
        if (open != null) {
            HandoffSummary merged = open.summary() == null ? null : SummaryMerge.merge(open.summary(), summary);
            if (merged != null && merged != open.summary()) parts.chats.summary(open.chatId(), merged);
            QueueView.Placed p = routing.place(open.chatId());
            return new HandoffTicket(open.chatId(), p == null ? 0 : p.entry().position());
        }
        Instant now = parts.clock.instant();
        SkillGroup group = parts.group(summary.skillGroup() == null ? parts.settings.defaultGroup() : summary.skillGroup());
        HandoffSummary s = summary.skillGroup() == null ? withGroup(summary, group.code()) : summary;
        long handoffId = Long.parseLong(requests.request(kind, s, message, phone).id());
        String source = sourceOf(s);
        int priority = parts.settings.priority().of(s, source, group.code());
        String preferred = parts.chats.lastAgentOf(s.sessionId(), now.minus(parts.settings.stickyWithin())).orElse(null);
        String chatId = String.valueOf(parts.chats.create(s, source, priority, handoffId, preferred, now));
        QueueView.Placed p = routing.place(chatId);
        int position = p == null ? 1 : p.entry().position();
        java.time.Duration wait = p == null ? java.time.Duration.ZERO : p.entry().estimatedWait();
        String welcome = group.welcome() != null ? group.welcome() : parts.settings.text("welcome");
        parts.chats.notePosition(chatId, position);
        parts.notices.send(new CitizenNotice(CitizenNotice.Type.QUEUED, s.sessionId(), s.channel(), chatId,
                welcome + view.text(position, wait, p == null ? 1 : p.places()), null, position, wait, 0, null, null, Map.of(), List.of(), now));
        parts.events.publish(new DeskEvent.QueuePosition(chatId, s.sessionId(), group.code(), position, wait));
        routing.run();
        return new HandoffTicket(chatId, parts.chats.find(chatId).map(c -> c.status() == ChatStatus.QUEUED ? position : 0).orElse(0));
    }

    /** The request as a call-back task; the handoff row is already safe, so a failure here is logged, not thrown at the bot. */
    private void task(HandoffKind kind, HandoffSummary s, String message, String phone, String handoffId) {
        try {
            Long chatId = parts.chats.openOf(s.sessionId()).map(c -> Long.valueOf(c.chatId())).orElse(null);
            callbacks.create(new NewCallback(kind == HandoffKind.CALLBACK ? CallbackKind.CALLBACK_REQUEST : CallbackKind.MESSAGE, phone, s.channel(),
                    s.skillGroup(), s.reason(), s.detail(), null, s.sessionId(), Long.valueOf(handoffId), chatId, null, null, message));
        } catch (RuntimeException e) {
            log.error("handoff {} ({}) kept, but no call-back task was made", handoffId, kind, e);
        }
    }

    private String sourceOf(HandoffSummary s) {
        try {
            String source = parts.sources.sourceOf(s.sessionId(), s.channel());
            return source == null || source.isBlank() ? null : source.length() > 64 ? source.substring(0, 64) : source;
        } catch (RuntimeException e) {
            return null; // a source is a nicety; never lose the handoff over it
        }
    }

    private static HandoffSummary withGroup(HandoffSummary s, String group) {
        return new HandoffSummary(s.sessionId(), s.channel(), s.reason(), s.detail(), group, s.transcript(), s.intents(), s.entities(), s.flowId(),
                s.flowSlots(), s.topic(), s.at());
    }
}
