package org.openhotline.telephony.ivr;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.flow.template.Condition;
import org.openhotline.bot.flow.template.Template;

/** One step of an IVR: what it says, what it waits for, where it goes next. */
public sealed interface IvrNode {
    String id();

    /** A keypad (and spoken) choice among {@code keys}; unanswered or wrong input is retried, then {@code fallback}. */
    record Menu(String id, IvrPrompt prompt, Map<Character, String> keys, Map<String, String> phrases, Duration timeout,
                int retries, String fallback) implements IvrNode {}

    /** Says something, then goes on. */
    record Say(String id, IvrPrompt prompt, String next) implements IvrNode {}

    /** Collects digits (an ID or phone number) ended by '#' or the maximum length into {@code vars.<variable>}. */
    record Input(String id, IvrPrompt prompt, String variable, int minDigits, int maxDigits, Duration timeout, int retries,
                 String next, String fallback) implements IvrNode {}

    /** Calls a business system, speaks the result and branches on it ({@code result.*} in the templates). */
    record Api(String id, String method, Template url, Map<String, Template> body, Duration timeout, List<Branch> branches,
               String next, IvrPrompt errorPrompt, String onError) implements IvrNode {
        public record Branch(Condition when, IvrPrompt say, String next) {}
    }

    /** Hands the call to an agent of a skill group; {@code next} when no one can take it, {@code after} once the agent hangs up (a survey). */
    record Transfer(String id, String group, IvrPrompt prompt, String next, String after) implements IvrNode {}

    /** Lets the voice bot talk with the caller; {@code next} when the bot is done without a transfer. */
    record Bot(String id, IvrPrompt prompt, String group, String next) implements IvrNode {}

    /** Records a voice message (until '#', silence or the limit) for a callback. */
    record Voicemail(String id, IvrPrompt prompt, int maxSeconds, IvrPrompt thanks, String next) implements IvrNode {}

    /** Asks for a satisfaction score 1–5 on the keypad. */
    record Survey(String id, IvrPrompt prompt, Duration timeout, IvrPrompt thanks, String next) implements IvrNode {}

    /** Says goodbye and hangs up. */
    record Hangup(String id, IvrPrompt prompt) implements IvrNode {}
}
