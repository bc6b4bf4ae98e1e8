package org.openhotline.server.desk;

import org.openhotline.bot.handoff.Handoff;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.bot.handoff.HandoffTicket;

/**
 * The bot's {@link Handoff} in the product: a transfer goes to the desk's queue and routing; a message left or a call
 * back asked for outside hours keeps going to the handoff records the admin API lists (the desk has no inbox for them).
 */
public final class DeskHandoff implements Handoff {
    private final Handoff desk;
    private final Handoff records;

    public DeskHandoff(Handoff desk, Handoff records) {
        this.desk = desk;
        this.records = records;
    }

    @Override
    public HandoffTicket request(HandoffKind kind, HandoffSummary summary, String message, String phone) {
        return kind == HandoffKind.TRANSFER ? desk.request(kind, summary, message, phone) : records.request(kind, summary, message, phone);
    }

    @Override
    public void relay(String sessionId, String channel, String text) {
        desk.relay(sessionId, channel, text);
    }
}
