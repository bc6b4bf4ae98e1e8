package org.openhotline.bot.script;

import java.util.List;

/** The outcome of one conversation script: passed when {@code failures} is empty. */
public record ScriptResult(String name, String file, int turns, List<String> failures) {
    public ScriptResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
