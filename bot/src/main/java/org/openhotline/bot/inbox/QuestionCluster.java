package org.openhotline.bot.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Questions that mean the same, for one editor's decision. {@code id} derives from the leading question's text,
 * so the same data gives the same ids; {@code texts} are its distinct questions, most asked first.
 */
public record QuestionCluster(String id, String label, int count, List<String> texts, Map<String, Integer> reasons,
                              Map<String, Integer> entries, Instant firstSeen, Instant lastSeen, int lastWeek, int weekBefore) {}
