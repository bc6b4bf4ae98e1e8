package org.openhotline.bot.clarify;

import java.util.List;

/**
 * Reads a citizen's pick among numbered options: "2", "第二个", "二", "选3", or the option's own words.
 * Returns the 0-based index, or -1 when the message is not a pick (then it is a new question).
 */
public final class ChoiceParser {
    private static final String DIGITS = "一二三四五六七八九";

    public int parse(String normalized, List<String> options) {
        String s = normalized.strip().replaceAll("[。.!！?？,，、\\s]", "");
        if (s.isEmpty() || options.isEmpty()) return -1;
        s = s.replaceFirst("^(我)?(要|选|选择|看|是)?(第)?", "");
        s = s.replaceFirst("(个|条|项|号|种)?(吧|啊|呀|的)?$", "");
        int n = -1;
        if (s.matches("\\d{1,2}")) n = Integer.parseInt(s);
        else if (s.length() == 1 && DIGITS.indexOf(s.charAt(0)) >= 0) n = DIGITS.indexOf(s.charAt(0)) + 1;
        else if (s.equals("两")) n = 2;
        if (n >= 1 && n <= options.size()) return n - 1;
        if (n != -1) return -1;
        String whole = normalized.strip();
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            if (whole.length() >= 4 && (o.equals(whole) || o.contains(whole) || whole.contains(o))) return i;
        }
        return -1;
    }
}
