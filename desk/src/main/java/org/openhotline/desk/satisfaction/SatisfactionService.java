package org.openhotline.desk.satisfaction;

import java.util.List;
import org.openhotline.desk.DeskParts;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.store.RatingStore;

/**
 * Ratings of chats with people: only the citizen of an ended chat that an agent had may rate it; tags not
 * configured for the chosen level are dropped; comments are capped.
 */
public final class SatisfactionService {
    private static final int MAX_COMMENT = 1000;
    private final DeskParts parts;
    private final RatingStore ratings;

    public SatisfactionService(DeskParts parts, RatingStore ratings) {
        this.parts = parts;
        this.ratings = ratings;
    }

    public boolean rate(String sessionId, String chatId, int level, List<String> tags, String comment) {
        if (level < 1 || level > 5) return false;
        Chat chat = rateable(sessionId, chatId);
        if (chat == null) return false;
        List<String> allowed = parts.settings.ratingTags().getOrDefault(level, List.of());
        List<String> kept = tags == null ? List.of() : tags.stream().filter(allowed::contains).distinct().toList();
        ratings.save(new Rating(chatId, sessionId, chat.agentId(), chat.skillGroup(), chat.channel(), SatisfactionLevel.of(level), kept, cap(comment),
                parts.clock.instant()));
        return true;
    }

    public boolean comment(String sessionId, String chatId, String comment) {
        if (rateable(sessionId, chatId) == null || comment == null || comment.isBlank()) return false;
        return ratings.comment(chatId, cap(comment));
    }

    private Chat rateable(String sessionId, String chatId) {
        Chat chat;
        try {
            chat = parts.chats.find(chatId).orElse(null);
        } catch (org.openhotline.desk.DeskException e) {
            return null;
        }
        if (chat == null || !chat.sessionId().equals(sessionId) || chat.status() != ChatStatus.ENDED || chat.acceptedAt() == null) return null;
        return chat;
    }

    private static String cap(String comment) {
        if (comment == null || comment.isBlank()) return null;
        String c = comment.strip();
        return c.length() > MAX_COMMENT ? c.substring(0, MAX_COMMENT) : c;
    }
}
