package org.openhotline.desk.assist;

import java.util.List;

/**
 * Port: answers from the knowledge base for the citizen's last message, which an agent inserts with one click.
 * The server implements it over the live index; the desk only asks.
 */
@FunctionalInterface
public interface KnowledgeAssist {
    List<Suggestion> suggest(String citizenText, int limit);

    /** One suggested standard answer. */
    record Suggestion(String entryId, String question, String answer, double score) {}

    KnowledgeAssist NONE = (text, limit) -> List.of();
}
