package org.openhotline.bot.flow.definition;

import java.util.List;
import java.util.regex.Pattern;
import org.openhotline.bot.flow.template.Template;

/**
 * One piece of information a flow asks for.
 *
 * @param label      how the citizen and the confirmation name it (联系电话); also recognised in corrections
 * @param aliases    other words that name it in a correction (电话, 手机)
 * @param types      accepted kinds, tried in order (an ID number or an application number)
 * @param pattern    for {@code regex}: the value is the match, or its group named {@code value}
 * @param length     for {@code code}: how many digits
 * @param prefill    take it from a message that answered something else (the first message, or a later one)
 * @param skipWords  when not empty the slot is optional: these answers (不记得了) fill it with {@code skipValue}
 * @param maxFailures answers that did not fit before the flow gives up and offers a human
 */
public record SlotDefinition(String name, String label, List<String> aliases, List<SlotType> types, Template prompt,
                             Template invalid, Pattern pattern, int length, int minLength, int maxLength, boolean prefill,
                             boolean upperCase, List<String> skipWords, String skipValue, int maxFailures, List<String> buttons) {
    public SlotDefinition {
        aliases = List.copyOf(aliases);
        types = List.copyOf(types);
        skipWords = List.copyOf(skipWords);
        buttons = List.copyOf(buttons);
    }

    public boolean accepts(SlotType type) {
        return types.contains(type);
    }

    public boolean freeText() {
        return types.stream().allMatch(SlotType::freeText);
    }

    public boolean optional() {
        return !skipWords.isEmpty();
    }
}
