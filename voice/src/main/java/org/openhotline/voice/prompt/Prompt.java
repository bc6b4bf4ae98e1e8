package org.openhotline.voice.prompt;

import java.util.Locale;

/**
 * Something the IVR says: an {@code id} naming a recorded WAV (optional, may be null) and the {@code text} to
 * synthesise when no recording exists (optional when the recording is required), in {@code language}.
 */
public record Prompt(String id, String text, Locale language) {

    public Prompt {
        if ((id == null || id.isBlank()) && (text == null || text.isBlank())) throw new IllegalArgumentException("a prompt needs an id or a text");
        if (language == null) throw new IllegalArgumentException("a prompt needs a language");
        if (id != null && !id.matches("[A-Za-z0-9_.-]{1,100}") || id != null && id.contains("..")) {
            throw new IllegalArgumentException("prompt id must be letters, digits, '_', '-', '.' (no path): " + id);
        }
    }

    public static Prompt text(String text, Locale language) {
        return new Prompt(null, text, language);
    }

    public static Prompt recorded(String id, String fallbackText, Locale language) {
        return new Prompt(id, fallbackText, language);
    }
}
