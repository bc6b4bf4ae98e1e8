package org.openhotline.desk.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * A waiting chat as the console and the citizen see it.
 *
 * @param position      1 = next in its group
 * @param estimatedWait from recent handle times of the group and the free capacity
 */
public record QueueEntry(String chatId, String sessionId, String channel, String source, String skillGroup, int priority,
                         int position, Duration estimatedWait, Instant queuedAt, String reason) {}
