package org.openhotline.desk.chat;

import java.time.Instant;

/**
 * One message of a live chat. {@code seq} is 1, 2, 3 … per chat, assigned when the message is stored (before any
 * event announces it): a reconnecting browser asks {@code messages(chatId, lastSeqSeen)}.
 *
 * @param senderId the agent id (AGENT), the session id (CITIZEN), null (SYSTEM)
 */
public record ChatMessage(String chatId, long seq, Sender sender, String senderId, MessageKind kind, String body, Instant at) {}
