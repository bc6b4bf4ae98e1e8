package org.openhotline.bot.flow.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A test over a scope, written in flow files as {@code result.status == "not_found"},
 * {@code result.records.size > 0 && slots.year}, {@code !result.records}. Operands are references, quoted
 * texts, numbers, true, false or null; comparisons of two numbers are numeric, others compare text;
 * a lone operand tests for a present, non-empty, non-zero, non-false value. {@code &&} binds before {@code ||}.
 */
public final class Condition {
    private final String source;
    private final List<List<Test>> anyOfAll;

    private Condition(String source, List<List<Test>> anyOfAll) {
        this.source = source;
        this.anyOfAll = anyOfAll;
    }

    public static Condition parse(String source) {
        if (source == null || source.isBlank()) throw new TemplateException("empty condition");
        List<List<Test>> ors = new ArrayList<>();
        for (String or : splitOutsideQuotes(source, "||")) {
            List<Test> ands = new ArrayList<>();
            for (String and : splitOutsideQuotes(or, "&&")) ands.add(Test.parse(and.strip(), source));
            ors.add(ands);
        }
        return new Condition(source.strip(), ors);
    }

    public boolean test(Scope scope) {
        for (List<Test> all : anyOfAll) {
            boolean ok = true;
            for (Test t : all) {
                if (!t.test(scope)) {
                    ok = false;
                    break;
                }
            }
            if (ok) return true;
        }
        return false;
    }

    /** Every reference the condition reads, for checking a flow file when it is loaded. */
    public void references(Consumer<Path> sink) {
        for (List<Test> all : anyOfAll) for (Test t : all) t.references(sink);
    }

    @Override
    public String toString() {
        return source;
    }

    private static List<String> splitOutsideQuotes(String s, String op) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (s.startsWith(op, i)) {
                parts.add(s.substring(start, i));
                start = i + op.length();
                i += op.length() - 1;
            }
        }
        if (quote != 0) throw new TemplateException("condition '" + s.strip() + "': unclosed quote");
        parts.add(s.substring(start));
        return parts;
    }

    static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return new BigDecimal(n.toString()).signum() != 0;
        if (v instanceof CharSequence s) return !s.isEmpty() && !s.toString().equals("false");
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** One comparison, or one operand tested for truth (negated by a leading '!'). */
    private record Test(Operand left, String op, Operand right, boolean negated) {
        private static final List<String> OPS = List.of("==", "!=", ">=", "<=", ">", "<");

        static Test parse(String s, String whole) {
            if (s.isEmpty()) throw new TemplateException("condition '" + whole.strip() + "': missing operand next to && or ||");
            char quote = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                    continue;
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                    continue;
                }
                for (String op : OPS) {
                    if (s.startsWith(op, i)) {
                        return new Test(Operand.parse(s.substring(0, i), whole), op, Operand.parse(s.substring(i + op.length()), whole), false);
                    }
                }
            }
            if (s.startsWith("!")) return new Test(Operand.parse(s.substring(1), whole), null, null, true);
            return new Test(Operand.parse(s, whole), null, null, false);
        }

        boolean test(Scope scope) {
            Object l = left.value(scope);
            if (op == null) return negated != truthy(l);
            Object r = right.value(scope);
            BigDecimal ln = number(l);
            BigDecimal rn = number(r);
            if (ln != null && rn != null) {
                int c = ln.compareTo(rn);
                return switch (op) {
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case ">" -> c > 0;
                    case "<" -> c < 0;
                    case ">=" -> c >= 0;
                    default -> c <= 0;
                };
            }
            boolean equal = l == null || r == null ? l == r : Scope.text(l).equals(Scope.text(r));
            return switch (op) {
                case "==" -> equal;
                case "!=" -> !equal;
                default -> false; // ordering needs two numbers
            };
        }

        void references(Consumer<Path> sink) {
            if (left.path != null) sink.accept(left.path);
            if (right != null && right.path != null) sink.accept(right.path);
        }

        private static BigDecimal number(Object v) {
            if (v instanceof Number n) return new BigDecimal(n.toString());
            if (v instanceof CharSequence s && s.toString().matches("-?[0-9]+(\\.[0-9]+)?")) return new BigDecimal(s.toString());
            return null;
        }
    }

    /** A literal or a reference. */
    private record Operand(Object literal, Path path) {
        static Operand parse(String raw, String whole) {
            String s = raw.strip();
            if (s.isEmpty()) throw new TemplateException("condition '" + whole.strip() + "': missing operand");
            if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
                return new Operand(s.substring(1, s.length() - 1), null);
            }
            if (s.matches("-?[0-9]+(\\.[0-9]+)?")) return new Operand(new BigDecimal(s), null);
            if (s.equals("true") || s.equals("false")) return new Operand(Boolean.valueOf(s), null);
            if (s.equals("null")) return new Operand(null, null);
            try {
                return new Operand(null, Path.parse(s));
            } catch (TemplateException e) {
                throw new TemplateException("condition '" + whole.strip() + "': " + e.getMessage());
            }
        }

        Object value(Scope scope) {
            return path == null ? literal : scope.resolve(path);
        }
    }
}
