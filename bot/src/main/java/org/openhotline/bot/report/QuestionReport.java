package org.openhotline.bot.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.inbox.QuestionCluster;

/**
 * The hot and hardest questions of a period, as the bureau's biweekly and monthly reports ask for them: what citizens
 * asked most (by the entry that answered, and by meaning over every question), and where the bot did worst (per entry:
 * low confidence, unhelpful, a person asked for right after the answer; by meaning: every failure, fallbacks included).
 *
 * @param asked      citizens' questions for the knowledge base in the period (replied with an answer, choices or a fallback)
 * @param clustered  how many of them the meaning clusters cover (the most recent, up to the configured cap)
 */
public record QuestionReport(Instant from, Instant to, int asked, int answered, int clarified, int fallbacks, int clustered,
                             List<EntryCount> hotEntries, List<QuestionCluster> hotClusters,
                             List<HardEntry> hardEntries, List<QuestionCluster> hardClusters) {

    /** An entry's answers in the period, the sessions they went to, and its answers in the period before (the trend). */
    public record EntryCount(String entryId, int count, int sessions, int previous) {}

    /** An entry's failures in the period by reason, and a few of the questions that led to them. */
    public record HardEntry(String entryId, int total, Map<String, Integer> reasons, List<String> examples) {}
}
