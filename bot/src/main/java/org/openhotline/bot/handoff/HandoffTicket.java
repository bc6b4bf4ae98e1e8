package org.openhotline.bot.handoff;

/**
 * The desk's receipt for a handoff.
 *
 * @param position the citizen's place in the queue (1 = next), 0 when not queued (a message left)
 */
public record HandoffTicket(String id, int position) {}
