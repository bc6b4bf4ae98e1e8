package org.openhotline.bot.transfer;

import java.util.List;

/**
 * Which transfer strategies are on, and their thresholds; every one is configurable per bureau.
 *
 * @param unknownStreak      fallbacks in a row before a transfer (0: off)
 * @param intents            intents that always go to a person when present (e.g. complain)
 * @param categories         knowledge categories (top level or full path) whose questions go to a person
 * @param abuseStrikes       abusive messages before a transfer (0: off); each one is also refused or masked
 */
public record TransferSettings(boolean keyword, int unknownStreak, boolean guided, List<String> intents,
                               List<String> categories, boolean repeatedQuestion, boolean negativeEmotion,
                               int abuseStrikes, boolean flowFailures, boolean lowSatisfaction) {
    public TransferSettings {
        intents = List.copyOf(intents);
        categories = List.copyOf(categories);
    }

    /** Everything on; two fallbacks in a row, two abusive messages; no intent or category forced to people. */
    public static TransferSettings defaults() {
        return new TransferSettings(true, 2, true, List.of(), List.of(), true, true, 2, true, true);
    }
}
