package org.openhotline.nlu.intent;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The closed-set acts said in a few words (好的, 不是, 算了, 谢谢, 拜拜, 你好): a clause of the message that is
 * exactly one of the short training sentences of an act is that act, wherever the clause stands, so
 * "好的，谢谢，再见" yields affirm, thanks and goodbye without any model having seen that combination.
 */
final class ShortFormRules {
    /** How sure a clause match is: a whole clause 谢谢 is thanks, though the clause may be quoted or ironic. */
    static final double SCORE = 0.9;
    static final List<String> ACTS = List.of(IntentNames.GREETING, IntentNames.THANKS, IntentNames.GOODBYE,
            IntentNames.AFFIRM, IntentNames.DENY, IntentNames.CANCEL);
    private static final int MAX_FORM_CHARS = 6;
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[\\p{P}\\p{Z}\\s~～]+");

    private final Map<String, Set<String>> actsByForm = new HashMap<>();

    ShortFormRules(TrainingCorpus corpus) {
        for (String act : ACTS) {
            for (String s : corpus.sentences(act)) {
                String[] clauses = clauses(s);
                if (clauses.length == 1 && clauses[0].length() <= MAX_FORM_CHARS) {
                    actsByForm.computeIfAbsent(clauses[0], k -> new LinkedHashSet<>()).add(act);
                }
            }
        }
    }

    /** The acts whose short forms make up a clause of the text. */
    Set<String> acts(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String clause : clauses(text)) {
            Set<String> acts = actsByForm.get(clause);
            if (acts != null) out.addAll(acts);
        }
        return out;
    }

    static String[] clauses(String text) {
        return java.util.Arrays.stream(CLAUSE_BREAK.split(text.strip().toLowerCase(java.util.Locale.ROOT)))
                .filter(c -> !c.isEmpty()).toArray(String[]::new);
    }
}
