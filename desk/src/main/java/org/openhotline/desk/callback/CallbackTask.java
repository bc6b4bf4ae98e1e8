package org.openhotline.desk.callback;

import java.time.Instant;

/**
 * One citizen to call back, as agents work it. {@code phone} is the full number (the agent dials it; logs use
 * {@link #maskedPhone()}); the source ids say where it came from (a call, a bot session, a handoff row, a chat).
 *
 * @param contacts     how many missed calls / requests were merged into this task
 * @param attempts     call-back attempts nobody answered
 * @param voiceFile    a voice message's file name in the messages folder (never a path), else null
 */
public record CallbackTask(long id, CallbackKind kind, String phone, String channel, String skillGroup, String reason, String detail,
                           String callId, String sessionId, Long handoffId, Long chatId, String voiceFile, Long voiceMillis, String message,
                           CallbackStatus status, String claimedBy, Instant claimedAt, CallbackOutcome outcome, String notes, int attempts,
                           int contacts, Instant lastContactAt, Instant dueAt, Instant createdAt, Instant doneAt) {

    public boolean overdue(Instant now) {
        return status != CallbackStatus.DONE && dueAt.isBefore(now);
    }

    public String maskedPhone() {
        return mask(phone);
    }

    /** 138****8000, as telephony's {@code Masked.number} writes it (the desk may not depend on telephony). */
    public static String mask(String n) {
        if (n == null || n.isEmpty()) return "?";
        if (n.length() < 7) return "***";
        return n.substring(0, 3) + "****" + n.substring(n.length() - 4);
    }
}
