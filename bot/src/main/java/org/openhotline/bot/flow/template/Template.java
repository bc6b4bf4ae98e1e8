package org.openhotline.bot.flow.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The small text templates of flow files, parsed once when a flow is loaded:
 * <ul>
 *   <li>{@code ${slots.phone}}, {@code ${result.records[0].month}}, {@code ${result.records.size}} — a value;
 *       filters after '|': {@code mask} (personal data as in logs), {@code default:文本} (when empty)</li>
 *   <li>{@code ${each result.records as r}} … {@code ${r.month}} … {@code ${end}} — once per list item;
 *       {@code ${loop.number}} counts from 1, {@code ${loop.index}} from 0</li>
 *   <li>{@code ${if result.records.size > 3}} … {@code ${else}} … {@code ${end}} — see {@link Condition}</li>
 *   <li>{@code $${} writes a literal {@code ${}</li>
 * </ul>
 * Inserted values can be escaped (URL, JSON) except the engine's variables, which are trusted configuration.
 * A block tag alone on its line takes the line with it, so loops over lines read naturally in YAML.
 * A missing value renders as nothing rather than failing: a reply must still go out.
 */
public final class Template {
    private final String source;
    private final List<Node> nodes;

    private Template(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    public static Template parse(String source) {
        return new Template(source, new Parser(source).parse());
    }

    /** A template that is only text, e.g. a default reply. */
    public static Template literal(String text) {
        return new Template(text, List.of(new Text(text)));
    }

    public String render(Scope scope) {
        return render(scope, UnaryOperator.identity());
    }

    /** Renders with every inserted value passed through {@code escape} (URL or JSON escaping); literal text is kept. */
    public String render(Scope scope, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder();
        for (Node n : nodes) n.render(scope, escape, out);
        return out.toString();
    }

    /**
     * Calls {@code check} with every reference that is not a loop variable, and the loop variables in force,
     * so a loader can report {@code ${slots.phnoe}} before any citizen meets it.
     */
    public void references(BiConsumer<Path, List<String>> check) {
        walk(nodes, List.of(), check);
    }

    private static void walk(List<Node> nodes, List<String> locals, BiConsumer<Path, List<String>> check) {
        for (Node n : nodes) {
            switch (n) {
                case Text t -> { }
                case Value v -> check.accept(v.path, locals);
                case Each e -> {
                    check.accept(e.list, locals);
                    List<String> inner = new ArrayList<>(locals);
                    inner.add(e.var);
                    inner.add("loop");
                    walk(e.body, inner, check);
                }
                case If i -> {
                    i.condition.references(p -> check.accept(p, locals));
                    walk(i.then, locals, check);
                    walk(i.otherwise, locals, check);
                }
            }
        }
    }

    public boolean isBlank() {
        return source.isBlank();
    }

    @Override
    public String toString() {
        return source;
    }

    private sealed interface Node permits Text, Value, Each, If {
        void render(Scope scope, UnaryOperator<String> escape, StringBuilder out);
    }

    private record Text(String text) implements Node {
        public void render(Scope scope, UnaryOperator<String> escape, StringBuilder out) {
            out.append(text);
        }
    }

    private record Value(Path path, List<String[]> filters) implements Node {
        public void render(Scope scope, UnaryOperator<String> escape, StringBuilder out) {
            String s = Scope.text(scope.resolve(path));
            for (String[] f : filters) {
                s = switch (f[0]) {
                    case "mask" -> scope.mask(s);
                    case "default" -> s.isEmpty() ? f[1] : s;
                    default -> s;
                };
            }
            // variables are the operator's configuration (a base URL), not input, so they go in unescaped
            out.append(scope.isVariable(path) ? s : escape.apply(s));
        }
    }

    private record Each(Path list, String var, List<Node> body) implements Node {
        public void render(Scope scope, UnaryOperator<String> escape, StringBuilder out) {
            if (!(scope.resolve(list) instanceof List<?> items)) return;
            for (int i = 0; i < items.size(); i++) {
                Scope inner = scope.with(var, items.get(i)).with("loop", Map.of("index", i, "number", i + 1, "last", i == items.size() - 1));
                for (Node n : body) n.render(inner, escape, out);
            }
        }
    }

    private record If(Condition condition, List<Node> then, List<Node> otherwise) implements Node {
        public void render(Scope scope, UnaryOperator<String> escape, StringBuilder out) {
            for (Node n : condition.test(scope) ? then : otherwise) n.render(scope, escape, out);
        }
    }

    /** Tokenises into text and tags, removes the lines of standalone block tags, then builds the tree. */
    private static final class Parser {
        private final String src;
        private final List<Object> tokens = new ArrayList<>(); // StringBuilder (text) or Tag
        private int pos;

        Parser(String src) {
            this.src = src == null ? "" : src;
        }

        private record Tag(String body, int offset) {
            boolean block() {
                return body.startsWith("each ") || body.startsWith("if ") || body.equals("else") || body.equals("end");
            }
        }

        List<Node> parse() {
            tokenize();
            trimStandaloneLines();
            pos = 0;
            List<Node> nodes = new ArrayList<>();
            String stop = block(nodes);
            if (stop != null) throw new TemplateException("'${" + stop + "}' without a matching ${each} or ${if}");
            return nodes;
        }

        private void tokenize() {
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < src.length()) {
                if (src.startsWith("$${", i)) {
                    text.append("${");
                    i += 3;
                } else if (src.startsWith("${", i)) {
                    int close = src.indexOf('}', i + 2);
                    if (close < 0) throw new TemplateException("'${' at character " + (i + 1) + " is not closed with '}'");
                    tokens.add(text);
                    text = new StringBuilder();
                    tokens.add(new Tag(src.substring(i + 2, close).strip(), i + 1));
                    i = close + 1;
                } else {
                    text.append(src.charAt(i++));
                }
            }
            tokens.add(text);
        }

        /** tokens alternate text, tag, text, …, text. */
        private void trimStandaloneLines() {
            for (int t = 1; t < tokens.size(); t += 2) {
                if (!((Tag) tokens.get(t)).block()) continue;
                StringBuilder before = (StringBuilder) tokens.get(t - 1);
                StringBuilder after = (StringBuilder) tokens.get(t + 1);
                int nl = before.lastIndexOf("\n");
                boolean lineStart = nl >= 0 ? before.substring(nl + 1).isBlank() : t == 1 && before.toString().isBlank();
                int nlAfter = after.indexOf("\n");
                boolean lineEnd = nlAfter >= 0 ? after.substring(0, nlAfter).isBlank() : t + 1 == tokens.size() - 1 && after.toString().isBlank();
                if (lineStart && lineEnd) {
                    before.setLength(nl + 1);
                    after.delete(0, nlAfter >= 0 ? nlAfter + 1 : after.length());
                }
            }
        }

        /** Parses nodes until else/end (returned) or the end of the tokens (null). */
        private String block(List<Node> into) {
            while (pos < tokens.size()) {
                Object tok = tokens.get(pos++);
                if (tok instanceof StringBuilder sb) {
                    if (!sb.isEmpty()) into.add(new Text(sb.toString()));
                    continue;
                }
                Tag tag = (Tag) tok;
                String b = tag.body();
                try {
                    if (b.equals("end") || b.equals("else")) return b;
                    if (b.startsWith("each ")) {
                        into.add(each(tag));
                    } else if (b.startsWith("if ")) {
                        into.add(ifBlock(tag));
                    } else {
                        into.add(value(b));
                    }
                } catch (TemplateException e) {
                    if (e.getMessage().startsWith("at character")) throw e;
                    throw new TemplateException("at character " + tag.offset() + ": " + e.getMessage());
                }
            }
            return null;
        }

        private Node each(Tag tag) {
            String[] parts = tag.body().substring(5).strip().split("\\s+as\\s+");
            if (parts.length != 2 || !parts[1].strip().matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
                throw new TemplateException("write a loop as ${each LIST as NAME}, not ${" + tag.body() + "}");
            }
            List<Node> body = new ArrayList<>();
            String stop = block(body);
            if (!"end".equals(stop)) throw new TemplateException("${" + tag.body() + "} has no ${end}");
            return new Each(Path.parse(parts[0]), parts[1].strip(), body);
        }

        private Node ifBlock(Tag tag) {
            Condition c = Condition.parse(tag.body().substring(3));
            List<Node> then = new ArrayList<>();
            List<Node> otherwise = new ArrayList<>();
            String stop = block(then);
            if ("else".equals(stop)) stop = block(otherwise);
            if (!"end".equals(stop)) throw new TemplateException("${" + tag.body() + "} has no ${end}");
            return new If(c, then, otherwise);
        }

        private Node value(String body) {
            if (body.isEmpty()) throw new TemplateException("empty ${}");
            String[] parts = body.split("\\|");
            List<String[]> filters = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String f = parts[i].strip();
                int colon = f.indexOf(':');
                String name = colon < 0 ? f : f.substring(0, colon).strip();
                String arg = colon < 0 ? "" : f.substring(colon + 1);
                if (!name.equals("mask") && !name.equals("default")) {
                    throw new TemplateException("unknown filter '" + name + "' (known: mask, default:TEXT)");
                }
                filters.add(new String[] {name, arg});
            }
            return new Value(Path.parse(parts[0]), filters);
        }
    }
}
