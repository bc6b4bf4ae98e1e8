package org.openhotline.nlu;

import java.util.List;
import org.openhotline.nlu.entity.Entity;
import org.openhotline.nlu.intent.Intent;
import org.openhotline.nlu.segment.Token;
import org.openhotline.nlu.sensitive.SensitiveResult;
import org.openhotline.nlu.text.NormalizedText;

/**
 * Everything the product understands of one message. Entity and sensitive-word offsets index the
 * original text (what was written); tokens and intents come from the normalised text.
 *
 * @param truncated the message was longer than the analyser reads; only its head was analysed
 */
public record Analysis(NormalizedText text, List<Token> tokens, List<Entity> entities, List<Intent> intents,
                       SensitiveResult sensitive, boolean truncated) {

    public Analysis {
        tokens = List.copyOf(tokens);
        entities = List.copyOf(entities);
        intents = List.copyOf(intents);
    }

    /** Whether the intent's score says it is present (≥ 0.5). */
    public boolean has(String intentName) {
        return intents.stream().anyMatch(i -> i.name().equals(intentName) && i.isPresent());
    }
}
