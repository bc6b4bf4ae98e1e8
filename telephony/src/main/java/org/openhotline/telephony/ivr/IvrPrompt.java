package org.openhotline.telephony.ivr;

import java.util.Locale;
import org.openhotline.bot.flow.template.Scope;
import org.openhotline.bot.flow.template.Template;
import org.openhotline.voice.prompt.Prompt;

/**
 * A prompt as written in an IVR file: an optional recording id (the bureau's own WAV wins) and a text template
 * spoken by TTS otherwise; the text may read what the call collected ({@code ${vars.id}}, {@code ${result.amount}}).
 */
public record IvrPrompt(String id, Template text, String source) {

    public Prompt render(Scope scope, Locale language) {
        String t = text == null ? null : text.render(scope);
        return new Prompt(id, t == null || t.isBlank() ? null : t, language);
    }

    @Override
    public String toString() {
        return id != null ? id : source;
    }
}
