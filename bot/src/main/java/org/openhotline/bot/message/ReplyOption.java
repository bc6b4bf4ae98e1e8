package org.openhotline.bot.message;

/** A question offered to the citizen (clarify choices, hot questions, related questions). */
public record ReplyOption(String entryId, String question, double score) {}
