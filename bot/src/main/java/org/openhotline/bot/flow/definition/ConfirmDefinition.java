package org.openhotline.bot.flow.definition;

import java.util.List;
import org.openhotline.bot.flow.template.Template;

/**
 * The read-back before the business call. Besides the NLU's affirm / deny, the citizen may answer with
 * one of {@code yes} / {@code no} (the buttons' words), or correct a slot directly (电话是 139…).
 */
public record ConfirmDefinition(Template text, List<String> buttons, List<String> yes, List<String> no, Template askChange,
                                Template hint) {
    public ConfirmDefinition {
        buttons = List.copyOf(buttons);
        yes = List.copyOf(yes);
        no = List.copyOf(no);
    }
}
