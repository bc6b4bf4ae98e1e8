package org.openhotline.desk.notice;

import java.util.List;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.bot.handoff.CitizenNotifier;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.event.DeskEvents;

/**
 * Delivers notices to citizens: published as a {@link DeskEvent.Notice} so the node holding a web chat's
 * connection delivers it (connection-bound notifiers, on every node), and handed directly to notifiers that can
 * reach any citizen from here (WeChat), so they send it exactly once.
 */
public final class Notices implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Notices.class);
    private final List<CitizenNotifier> notifiers;
    private final DeskEvents events;
    private final AutoCloseable subscription;

    public Notices(List<CitizenNotifier> notifiers, DeskEvents events) {
        this.notifiers = List.copyOf(notifiers);
        this.events = events;
        this.subscription = events.subscribe(e -> {
            if (e instanceof DeskEvent.Notice n) deliver(n.notice(), true);
        });
    }

    public void send(CitizenNotice notice) {
        deliver(notice, false);
        events.publish(new DeskEvent.Notice(notice));
    }

    private void deliver(CitizenNotice notice, boolean bound) {
        for (CitizenNotifier n : notifiers) {
            if (n.connectionBound() != bound || !n.handles(notice.channel())) continue;
            try {
                n.notify(notice);
            } catch (RuntimeException e) {
                log.warn("a citizen notifier failed on {} for chat {}: {}", notice.type(), notice.chatId(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // in-process unsubscribe does not fail
        }
    }
}
