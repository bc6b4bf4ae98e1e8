package org.openhotline.server.editor;

import java.time.Clock;
import org.openhotline.bot.report.QuestionReports;
import org.openhotline.kb.store.KnowledgeStore;
import org.openhotline.kb.workflow.DraftImport;
import org.openhotline.kb.workflow.EditorialWorkflow;
import org.openhotline.kb.workflow.JdbcTestQuestionStore;

/** What the editors' API serves from, wired once by the app and handed to the HTTP server. */
public record EditorServices(EditorialWorkflow workflow, KnowledgeStore store, JdbcTestQuestionStore testQuestions,
                             CollisionCheck collisions, Inbox inbox, int inboxDays, Clock clock,
                             QuestionReports reports, DraftImport imports, Settings settings) {

    /** The console's defaults from configuration ({@code editor.*}). */
    public record Settings(int expiryReminderDays, int reportTop, long importMaxBytes) {}
}
