package org.openhotline.nlu.intent;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reply that picks one of the options the bot just offered: a bare number, 第N个, 选2, 按1, 最后一个.
 * Only whole messages count, so a question that merely contains a number ("社保交了2年") is not a choice.
 */
final class OptionChoiceRule {
    static final double SCORE = 0.95;
    private static final Pattern CHOICE = Pattern.compile(
            "(我)?(就)?(选|要|按|选择)?(选项|第|倒数第)?([0-9]{1,2}|[一二三四五六七八九十两壹贰叁幺a-d])"
                    + "(个|项|条|号|种|个选项|个问题|种情况)?(吧|就行|就可以|呢|啊|对)?");

    private final Set<String> wholeForms = new HashSet<>();

    OptionChoiceRule(TrainingCorpus corpus) {
        for (String s : corpus.sentences(IntentNames.CHOOSE_OPTION)) wholeForms.add(key(s));
    }

    boolean matches(String text) {
        String key = key(text);
        return !key.isEmpty() && (wholeForms.contains(key) || CHOICE.matcher(key).matches());
    }

    private static String key(String text) {
        return String.join("", ShortFormRules.clauses(text));
    }
}
