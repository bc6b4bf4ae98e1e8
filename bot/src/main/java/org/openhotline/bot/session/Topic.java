package org.openhotline.bot.session;

/**
 * What the last answer was about, so that "那报销比例呢" can be read as a question about the same thing.
 *
 * @param query the citizen's normalised question that was answered
 */
public record Topic(String entryId, String question, String category, String query) {}
