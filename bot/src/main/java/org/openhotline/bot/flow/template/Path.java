package org.openhotline.bot.flow.template;

import java.util.ArrayList;
import java.util.List;

/**
 * A dotted reference such as {@code result.records[0].month} or {@code business.base-url}: names and list
 * indexes. {@code size} after a list, map or text is its length unless the map has a key of that name.
 */
public record Path(List<Object> segments, String text) {
    public Path {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || !(segments.getFirst() instanceof String)) throw new TemplateException("empty reference");
    }

    /** The first name: the root this path reads from (slots, result, a loop variable, a variable). */
    public String root() {
        return (String) segments.getFirst();
    }

    /** The second segment when it is a name, e.g. the slot of {@code slots.phone}; null otherwise. */
    public String second() {
        return segments.size() > 1 && segments.get(1) instanceof String s ? s : null;
    }

    /** All the names joined by dots, for variables whose keys contain dots ({@code business.base-url}). */
    public String dotted() {
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            if (!(s instanceof String name)) return null;
            if (!b.isEmpty()) b.append('.');
            b.append(name);
        }
        return b.toString();
    }

    static Path parse(String text) {
        String t = text.strip();
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '[') {
                int close = t.indexOf(']', i);
                if (close < 0) throw new TemplateException("'" + t + "': '[' without ']'");
                String n = t.substring(i + 1, close).strip();
                if (!n.matches("[0-9]{1,6}")) throw new TemplateException("'" + t + "': list index must be a number, not '" + n + "'");
                if (segments.isEmpty()) throw new TemplateException("'" + t + "': a reference starts with a name");
                segments.add(Integer.parseInt(n));
                i = close + 1;
            } else if (c == '.') {
                if (segments.isEmpty() || i + 1 >= t.length()) throw new TemplateException("'" + t + "': misplaced '.'");
                i++;
            } else {
                int start = i;
                while (i < t.length() && isNameChar(t.charAt(i))) i++;
                if (i == start) throw new TemplateException("'" + t + "': unexpected '" + c + "'");
                segments.add(t.substring(start, i));
            }
        }
        if (segments.isEmpty()) throw new TemplateException("empty reference");
        return new Path(segments, t);
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    @Override
    public String toString() {
        return text;
    }
}
