package org.openhotline.bot.flow.definition;

import org.openhotline.bot.flow.template.Condition;
import org.openhotline.bot.flow.template.Template;

/**
 * What the flow says and does after the business call: the first outcome whose {@code when} holds (or that
 * has none) wins. By default the flow ends with the reply; {@code askAgain} clears that slot and asks it
 * again (a wrong verification code; counted as a failure of the slot); {@code giveUp} ends the flow offering
 * a human.
 *
 * @param name reported as the step's reason when the flow ends here (ok, not_found…)
 */
public record Outcome(String name, Condition when, Template reply, String askAgain, boolean giveUp) {
}
