package org.openhotline.desk.callback;

import java.util.Locale;
import org.openhotline.desk.DeskException;

/** What a call back attempt came to. Only NO_ANSWER leaves the task open (until the attempts run out). */
public enum CallbackOutcome {
    REACHED,
    NO_ANSWER,
    WRONG_NUMBER,
    NOT_NEEDED;

    /** From the API's words (case-insensitive); anything else is {@code bad_input}. */
    public static CallbackOutcome fromWire(String s) {
        if (s != null) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the refusal naming the choices
            }
        }
        throw DeskException.badInput("outcome must be REACHED, NO_ANSWER, WRONG_NUMBER or NOT_NEEDED");
    }
}
