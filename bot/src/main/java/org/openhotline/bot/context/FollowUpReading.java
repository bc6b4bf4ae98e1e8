package org.openhotline.bot.context;

import java.util.List;
import java.util.Set;

/**
 * What a message says once read as a possible follow-up.
 *
 * @param body      the message without its opening words (那, 那么), a leading pronoun and the closing 呢
 * @param signalled it opened with 那/那么, ended with 呢 or pointed back with a pronoun (这个, 它)
 * @param aspects   the aspects it asks about (材料, 时间, 费用…)
 * @param subjects  hotline vocabulary words it names (公积金, 灵活就业, 住院…), aspect words excluded
 * @param content   its other content words (nouns, verbs), question words and light verbs excluded
 * @param asksHow   it asks how to do something (怎么, 如何)
 */
record FollowUpReading(String body, boolean signalled, Set<String> aspects, List<String> subjects, List<String> content,
                       boolean asksHow) {
    FollowUpReading {
        aspects = Set.copyOf(aspects);
        subjects = List.copyOf(subjects);
        content = List.copyOf(content);
    }
}
