package org.openhotline.bot.smalltalk;

import java.util.Optional;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.intent.IntentNames;

/**
 * Greetings, thanks, goodbyes and chit-chat get a polite reply of their own instead of "I don't know":
 * a citizen who says 谢谢 must not be shown a list of hot questions. Only when the FAQ found nothing
 * confident, so "你好，社保卡怎么补办" is still answered.
 */
public final class SmallTalk {
    /** The text key of {@code BotTexts} for this message's small talk, if it is small talk. */
    public Optional<String> textKey(Analysis a) {
        if (a.has(IntentNames.THANKS)) return Optional.of("thanks");
        if (a.has(IntentNames.GOODBYE)) return Optional.of("goodbye");
        if (a.has(IntentNames.GREETING)) return Optional.of("welcome");
        if (a.has(IntentNames.CHITCHAT)) return Optional.of("chitchat");
        return Optional.empty();
    }
}
