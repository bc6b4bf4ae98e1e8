package org.openhotline.server.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command line split into positional words and {@code --name value} options, with unknown options refused. */
public final class Args {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final boolean help;

    public Args(String[] argv, Set<String> valued, Set<String> flags) {
        boolean h = false;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--help") || a.equals("-h")) {
                h = true;
            } else if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= argv.length) throw new UsageException("option --" + name + " needs a value");
                        value = argv[++i];
                    }
                    options.put(name, value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                positional.add(a);
            }
        }
        this.help = h;
    }

    public boolean help() {
        return help;
    }

    public List<String> positional() {
        return positional;
    }

    public String option(String name) {
        return options.get(name);
    }

    public String required(String name) {
        String v = options.get(name);
        if (v == null) throw new UsageException("option --" + name + " is required");
        return v;
    }

    public int integer(String name, int dflt) {
        String v = options.get(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number ≥ 0, not '" + v + "'");
        }
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** A mistake in how a command was called: print it and the command's help, exit 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
