package org.openhotline.server.editor;

import java.time.Clock;
import org.openhotline.kb.workflow.EditorialWorkflow;
import org.openhotline.kb.workflow.JdbcTestQuestionStore;
import org.openhotline.kb.store.KnowledgeStore;

/** What the editors' API serves from, wired once by the app and handed to the HTTP server. */
public record EditorServices(EditorialWorkflow workflow, KnowledgeStore store, JdbcTestQuestionStore testQuestions,
                             CollisionCheck collisions, Inbox inbox, int inboxDays, Clock clock) {}
