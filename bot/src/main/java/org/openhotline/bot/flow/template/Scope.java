package org.openhotline.bot.flow.template;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a template reads: named roots (slots, result, flow…), flat variables whose keys may contain dots
 * (business.base-url), loop variables, and the masker behind the {@code mask} filter. Immutable; a loop
 * makes a child scope.
 */
public final class Scope {
    private final Map<String, Object> roots;
    private final Map<String, String> vars;
    private final UnaryOperator<String> masker;

    public Scope(Map<String, ?> roots, Map<String, String> vars, UnaryOperator<String> masker) {
        this.roots = new HashMap<>(roots);
        this.vars = Map.copyOf(vars);
        this.masker = masker == null ? s -> s : masker;
    }

    Scope with(String name, Object value) {
        Scope child = new Scope(roots, vars, masker);
        child.roots.put(name, value);
        return child;
    }

    String mask(String s) {
        return masker.apply(s);
    }

    /** Whether the path reads one of the flat variables rather than a root (slots, result…) or a loop variable. */
    boolean isVariable(Path path) {
        return !roots.containsKey(path.root());
    }

    /** The value at the path, or null when any step is missing. */
    public Object resolve(Path path) {
        Object current;
        int from = 1;
        if (roots.containsKey(path.root())) {
            current = roots.get(path.root());
        } else {
            String dotted = path.dotted();
            return dotted == null ? null : vars.get(dotted);
        }
        List<Object> segments = path.segments();
        for (int i = from; i < segments.size() && current != null; i++) {
            current = step(current, segments.get(i));
        }
        return current;
    }

    private static Object step(Object current, Object segment) {
        if (segment instanceof Integer index) {
            if (current instanceof List<?> list) return index < list.size() ? list.get(index) : null;
            return null;
        }
        String name = (String) segment;
        if (current instanceof Map<?, ?> map) {
            if (map.containsKey(name)) return map.get(name);
            return name.equals("size") ? map.size() : null;
        }
        if (name.equals("size")) {
            if (current instanceof Collection<?> c) return c.size();
            if (current instanceof CharSequence s) return s.length();
        }
        return null;
    }

    /** How a value is written into text: numbers without exponent, absent values as nothing. */
    public static String text(Object value) {
        if (value == null) return "";
        if (value instanceof java.math.BigDecimal d) return d.toPlainString();
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) return Long.toString(d.longValue());
        return value.toString();
    }
}
