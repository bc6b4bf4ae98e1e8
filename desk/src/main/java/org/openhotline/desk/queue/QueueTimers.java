package org.openhotline.desk.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.desk.DeskParts;
import org.openhotline.desk.chat.ChatAnnouncer;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.store.ChatStore;

/**
 * What time does at the desk, run every second (by each node; the conditional updates make each change happen
 * once): wrap-ups end, unanswered offers go back to the queue (and their agent is set away), long waits overflow to the next group, and after
 * the queue timeout the citizen is offered to leave a message or a callback.
 */
public final class QueueTimers {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QueueTimers.class);
    private final DeskParts parts;
    private final ChatAnnouncer announcer;

    public QueueTimers(DeskParts parts, ChatAnnouncer announcer) {
        this.parts = parts;
        this.announcer = announcer;
    }

    public void run() {
        Instant now = parts.clock.instant();
        for (String agent : parts.agents.endWrapUps(now)) announcer.presence(agent);
        for (String[] offer : parts.chats.expiredOffers(now)) {
            if (parts.chats.returnOffer(offer[0], offer[1], true, now)) {
                if (parts.settings.missedOfferAway()) parts.agents.awayAfterMissedOffer(offer[1], now);
                announcer.presence(offer[1]);
                log.debug("offer of chat {} to {} expired", offer[0], offer[1]);
            }
        }
        Map<String, SkillGroup> groups = parts.groupMap();
        for (ChatStore.Waiting w : parts.chats.queued()) {
            SkillGroup g = groups.getOrDefault(w.chat().group(), parts.group(w.chat().group()));
            Duration waited = Duration.between(w.chat().queuedAt(), now);
            if (waited.compareTo(g.queueTimeout()) >= 0) {
                timeout(w);
            } else if (!w.overflowed() && g.overflowGroup() != null && !g.overflowAfter().isZero() && waited.compareTo(g.overflowAfter()) >= 0
                    && parts.chats.overflow(w.chat().chatId(), g.code(), g.overflowGroup())) {
                announcer.system(w.chat().chatId(), "等待超过 " + g.overflowAfter().toSeconds() + " 秒，溢出到 " + g.overflowGroup(), false);
                parts.events.publish(new DeskEvent.QueueChanged(g.code(), -1));
                parts.events.publish(new DeskEvent.QueueChanged(g.overflowGroup(), -1));
            }
        }
    }

    private void timeout(ChatStore.Waiting w) {
        String chatId = w.chat().chatId();
        if (!parts.chats.end(chatId, "queue-timeout", null, parts.clock.instant(), null)) return;
        announcer.system(chatId, "排队超时，已请市民留言或预约回电", true);
        parts.events.publish(new DeskEvent.ChatEnded(chatId, null, "queue-timeout"));
        parts.events.publish(new DeskEvent.QueueChanged(w.chat().group(), -1));
        try {
            parts.bot().handoffTimedOut(w.chat().sessionId(), chatId);
        } catch (RuntimeException e) {
            log.error("the bot could not take chat {} back after its queue timeout", chatId, e);
        }
        parts.notices.send(new CitizenNotice(CitizenNotice.Type.QUEUE_TIMEOUT, w.chat().sessionId(), w.channel(), chatId, parts.settings.text("timeout"),
                null, 0, null, 0, null, null, Map.of(), List.of("留言", "回电"), parts.clock.instant()));
    }
}
