package org.openhotline.nlu.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions written over named word classes: a line {@code @NAME = regex} defines a class and
 * {@code {NAME}} in a later line stands for {@code (?:regex)}. The request rules are frames (a verb of
 * fetching, then a person), so a new word for an agent is added once and every frame reads it.
 */
final class RegexTemplates {
    private static final Pattern DEFINITION = Pattern.compile("@([A-Z_]+)\\s*=\\s*(.+)");
    private static final Pattern REFERENCE = Pattern.compile("(?<!\\\\[pP])\\{([A-Z_]{2,})}");

    private final Map<String, String> classes = new HashMap<>();

    /** Reads the definitions among {@code lines}; other lines are ignored. */
    RegexTemplates define(List<String> lines) {
        for (String line : lines) {
            Matcher d = DEFINITION.matcher(line);
            if (d.matches()) classes.put(d.group(1), expand(d.group(2).strip()));
        }
        return this;
    }

    /**
     * The patterns of {@code lines} in order, with the classes defined so far and in {@code lines} (a
     * definition applies to the lines after it). A bad line is a packaging error and fails loudly.
     */
    List<Pattern> compile(List<String> lines) {
        List<Pattern> out = new ArrayList<>();
        for (String line : lines) {
            Matcher d = DEFINITION.matcher(line);
            if (d.matches()) {
                classes.put(d.group(1), expand(d.group(2).strip()));
                continue;
            }
            out.add(Pattern.compile(expand(line)));
        }
        return out;
    }

    private String expand(String template) {
        Matcher m = REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = classes.get(m.group(1));
            if (body == null) throw new IllegalStateException("undefined word class {" + m.group(1) + "} in: " + template);
            m.appendReplacement(out, Matcher.quoteReplacement("(?:" + body + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
